import type { FrameworkDefinition, TemplateData } from './framework.js';
import { TEMPLATES_ROOT } from './paths.js';
import { mergePlans, planTree, type PlannedFile } from './render.js';

/**
 * The files of one project, in memory: the framework's actions run in order, skipped
 * ones left out. This is the CLI's lean path through the same action list that the plop
 * generator registers (generators/plopfile.ts), so both write the same tree.
 */
export async function planProject(
  framework: FrameworkDefinition,
  data: TemplateData,
  templatesRoot: string = TEMPLATES_ROOT,
): Promise<PlannedFile[]> {
  const plans: PlannedFile[][] = [];
  for (const action of framework.actions(data)) {
    if (action.skip?.(data)) continue;
    plans.push(await planTree(templatesRoot, action.templates, data));
  }
  return mergePlans(plans);
}

import type { FrameworkDefinition, TemplateData } from './framework.js';
import { mergePlans, planTree, type PlannedFile } from './render.js';
import { artifactStore, type TemplateStore } from './templates.js';

let builtTemplates: TemplateStore | undefined;

/**
 * The files of one project, in memory: the framework's actions run in order, skipped
 * ones left out. This is the CLI's lean path through the same action list that the plop
 * generator registers (generators/plopfile.ts), so both write the same tree.
 */
export async function planProject(
  framework: FrameworkDefinition,
  data: TemplateData,
  store: TemplateStore = (builtTemplates ??= artifactStore()),
): Promise<PlannedFile[]> {
  const plans: PlannedFile[][] = [];
  for (const action of framework.actions(data)) {
    if (action.skip?.(data)) continue;
    plans.push(await planTree(store, action.templates, data));
  }
  return mergePlans(plans);
}

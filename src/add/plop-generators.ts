// The resource generators as plop generators (`<framework>:resource`), for the CLI's
// `add resource` and for plain plop (`npm run plop`, in a generated project's folder):
// both run the same action lists, built by planResource from the project's record.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodePlopAPI } from 'node-plop';
import { UserError } from '../errors.js';
import { planResource, RESOURCE_GENERATORS, type ResourcePlan } from './plan.js';
import { FIELD_TYPES } from './resource-model.js';

export function registerResourceGenerators(plop: NodePlopAPI): void {
  for (const generator of RESOURCE_GENERATORS) {
    plop.setGenerator(`${generator.framework}:resource`, {
      description: `Add a resource to a ${generator.framework} project create-backend generated (run in its folder)`,
      prompts: [
        { type: 'input', name: 'name', message: 'Resource name (singular, snake_case, e.g. book)' },
        {
          type: 'input',
          name: 'fields',
          message: `Fields, name:type[?] separated by commas (types: ${FIELD_TYPES.join(', ')})`,
        },
      ],
      actions: (answers) =>
        planResource(plop.getDestBasePath(), String(answers?.name ?? ''), String(answers?.fields ?? ''))
          .actions as never,
    });
  }
}

/** What the plan would write, as `--dry-run` prints it: each file added, each edit with its lines. */
export async function describePlan(plan: ResourcePlan): Promise<string> {
  const lines = [`add resource ${plan.resource.name} (${plan.generator.framework}) would:`];
  for (const action of plan.actions) {
    if (action.type === 'add') {
      lines.push(`  create  ${action.path}`);
      continue;
    }
    const anchored = 'anchor' in action;
    const text = anchored ? await action.render() : action.template.replace(/\$1/g, '…');
    const at = anchored ? `before /${action.anchor.source}/` : `at /${action.pattern.source}/`;
    lines.push(`  ${action.type === 'modify' ? 'edit   ' : 'append '} ${action.path}  (${at})`);
    for (const line of text.split('\n').filter((candidate) => candidate.trim() !== '')) lines.push(`      | ${line}`);
  }
  return lines.join('\n');
}

/**
 * Runs the generator through node-plop in `projectDir`. Every file it edits is kept first,
 * so a failing action puts them back and removes what was added: all or nothing.
 */
export async function runPlan(
  plop: NodePlopAPI,
  plan: ResourcePlan,
  projectDir: string,
  fields: string | undefined,
): Promise<string[]> {
  const kept = new Map<string, string>();
  for (const action of plan.actions) {
    if (action.type !== 'add' && !kept.has(action.path))
      kept.set(action.path, readFileSync(join(projectDir, action.path), 'utf8'));
  }
  const restore = () => {
    for (const action of plan.actions)
      if (action.type === 'add') rmSync(join(projectDir, action.path), { force: true });
    for (const [path, text] of kept) writeFileSync(join(projectDir, path), text);
  };
  let result;
  try {
    result = await plop
      .getGenerator(`${plan.generator.framework}:resource`)
      .runActions({ name: plan.resource.name, fields: fields ?? '' });
  } catch (error) {
    restore();
    throw error;
  }
  if (result.failures.length > 0) {
    restore();
    const failure = result.failures[0]!;
    throw new UserError(
      `add resource failed at ${failure.type} ${failure.path}: ${failure.error}. Everything was put back.`,
    );
  }
  return result.changes.map((change) => `${change.type} ${change.path.replace(/^\//, '')}`);
}

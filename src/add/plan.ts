// Plans `add resource` in a project: which starter made it (its record), the resource and
// fields checked, and the plop action list of that starter's resource generator, checked
// against the files as they are — so a refusal happens before anything is written.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESOURCE_GENERATORS } from '../../generators/resources.js';
import { quote, UserError } from '../errors.js';
import { readProjectFacts } from './record.js';
import { parseResource, type Resource } from './resource-model.js';
import type { ResourceAction, ResourceGenerator } from './types.js';

export { RESOURCE_GENERATORS };

const supported = () => RESOURCE_GENERATORS.map((generator) => generator.framework).join(', ');

export interface ResourcePlan {
  generator: ResourceGenerator;
  resource: Resource;
  actions: ResourceAction[];
}

export function resourceGenerator(framework: string): ResourceGenerator {
  const generator = RESOURCE_GENERATORS.find((candidate) => candidate.framework === framework);
  if (!generator)
    throw new UserError(
      `add resource supports projects of these starters so far: ${supported()}; this project is ${framework}. Nothing was written.`,
    );
  return generator;
}

/** Everything `add resource <name> --fields <fields>` would do in `projectDir`, or a UserError. */
export function planResource(projectDir: string, name: string, fields: string | undefined): ResourcePlan {
  const project = readProjectFacts(projectDir);
  const generator = resourceGenerator(project.framework);
  const resource = parseResource(name, fields, generator.reserved, generator.reservedFields);
  const present = generator.existing(resource).filter((path) => existsSync(join(projectDir, path)));
  if (present.length > 0)
    throw new UserError(`The resource ${quote(name)} exists already (${present.join(', ')}). Nothing was written.`);
  const actions = generator.actions(resource, project, projectDir);
  for (const action of actions) {
    const path = join(projectDir, action.path);
    if (action.type === 'add') {
      if (existsSync(path)) throw new UserError(`${action.path} exists already. Nothing was written.`);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new UserError(
        `${action.path} is missing, so the ${resource.words} cannot be registered in it. Nothing was written.`,
      );
    }
    const pattern = 'anchor' in action ? action.anchor : action.pattern;
    if (!pattern.test(text)) {
      throw new UserError(
        `${action.path} no longer has the line the ${resource.words} is registered after (${pattern.source}); was it edited? Nothing was written.`,
      );
    }
  }
  return { generator, resource, actions };
}

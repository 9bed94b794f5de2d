// `create-backend add resource <name> [--fields a:string,b:integer?] [--dry-run]`, run in
// a project create-backend generated: reads its record, plans the starter's resource
// generator (src/add/plan.ts) and runs it with node-plop. It lives in the plop bundle
// (dist/plop.js, src/plop.ts), which the CLI loads by path only for `add`.
import { UserError } from '../errors.js';
import { loadGenerators } from '../plop.js';
import { planResource, RESOURCE_GENERATORS } from './plan.js';
import { describePlan, runPlan } from './plop-generators.js';
import { FIELD_TYPES } from './resource-model.js';

/** What `add` needs of the CLI's context (the engine's CliContext has it all). */
export interface AddContext {
  cwd: string;
  stdout: { write(text: string): unknown };
}

const USAGE = `Usage: create-backend add resource <name> [--fields name:type,…] [--dry-run]

Run in a project create-backend generated (${RESOURCE_GENERATORS.map((generator) => generator.framework).join(', ')} so far).
  <name>      the resource, singular snake_case: book, line_item
  --fields    name:type, or name:type? when optional; types: ${FIELD_TYPES.join(', ')}
  --dry-run   print the files it would create and the edits, write nothing`;

interface AddArgs {
  name: string;
  fields: string | undefined;
  dryRun: boolean;
}

function parseAddArgs(argv: readonly string[]): AddArgs | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const [what, ...rest] = argv;
  if (what !== 'resource')
    throw new UserError(
      `create-backend add knows one thing to add, a resource: create-backend add resource <name> --fields title:string.`,
    );
  let name: string | undefined;
  let fields: string | undefined;
  let dryRun = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--fields') {
      fields = rest[++i];
      if (fields === undefined)
        throw new UserError('--fields needs a value, e.g. --fields title:string,pages:integer.');
    } else if (arg.startsWith('--fields=')) fields = arg.slice('--fields='.length);
    else if (arg.startsWith('-'))
      throw new UserError(`Unknown option ${arg} for add resource (see create-backend add --help).`);
    else if (name === undefined) name = arg;
    else throw new UserError(`add resource takes one name; got ${name} and ${arg}.`);
  }
  if (name === undefined)
    throw new UserError('add resource needs a name: create-backend add resource book --fields title:string.');
  return { name, fields, dryRun };
}

export async function runAdd(argv: readonly string[], context: AddContext): Promise<number> {
  const args = parseAddArgs(argv);
  if (args === 'help') {
    context.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const plan = planResource(context.cwd, args.name, args.fields);
  if (args.dryRun) {
    context.stdout.write(`${await describePlan(plan)}\n(dry run: nothing written)\n`);
    return 0;
  }
  const plop = await loadGenerators(context.cwd);
  const changes = await runPlan(plop, plan, context.cwd, args.fields);
  const { resource } = plan;
  context.stdout.write(
    `Added the ${resource.words} resource (${plan.generator.collectionPath(resource)}):\n${changes.map((change) => `  ${change}`).join('\n')}\n`,
  );
  return 0;
}

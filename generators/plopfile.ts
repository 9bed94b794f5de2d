// Every starter as a plop generator: under plain plop (`npm run plop`) and in the plop
// bundle (dist/plop.js, src/plop.ts). The CLI runs the same action lists through its lean
// path (src/plan.ts); a unit test checks that both write the same files.
import { join } from 'node:path';
import type { NodePlopAPI } from 'node-plop';
import { registerResourceGenerators } from '../src/add/plop-generators.js';
import type { FrameworkDefinition, RenderTreeAction, TemplateData } from '../src/framework.js';
import { projectNameProblem } from '../src/names.js';
import { planTree } from '../src/render.js';
import { buildTemplateData } from '../src/template-data.js';
import { artifactStore } from '../src/templates.js';
import { findConflicts, writePlannedFiles } from '../src/write-project.js';
import { FRAMEWORKS } from './index.js';

interface RenderTreeConfig {
  type: 'renderTree';
  templates: string;
  data: TemplateData;
}

function promptsFor(framework: FrameworkDefinition) {
  return [
    {
      type: 'input',
      name: 'name',
      message: 'Project name',
      validate: (value: string) => {
        const problem = projectNameProblem(value, framework.reservedNames);
        return problem ? `Not a valid name: ${problem}` : true;
      },
    },
    ...framework.options.map((option) =>
      option.kind === 'choice'
        ? {
            type: 'list',
            name: option.name,
            message: option.message,
            choices: option.choices.map((c) => ({ name: c.label, value: c.value })),
            default: option.default,
          }
        : { type: 'confirm', name: option.name, message: option.message, default: option.default },
    ),
  ];
}

/** The action list of one run: template data (and its fresh secrets) built once for all actions. */
function plopActions(framework: FrameworkDefinition, answers: Record<string, unknown>) {
  const options = Object.fromEntries(
    framework.options.map((option) => [option.name, (answers[option.name] ?? option.default) as string | boolean]),
  );
  const data = buildTemplateData(String(answers.name), framework, options);
  return framework.actions(data).map((action: RenderTreeAction) => ({
    type: 'renderTree',
    templates: action.templates,
    data,
    skip: () => action.skip?.(data) || undefined,
  }));
}

// Files each run has written so far: a later action (an overlay) may replace them.
const writtenInRun = new WeakMap<TemplateData, Set<string>>();

export default function plopfile(plop: NodePlopAPI): void {
  const templates = artifactStore();
  plop.setActionType('renderTree', async (_answers, config) => {
    const { templates: tree, data } = config as unknown as RenderTreeConfig;
    const destination = join(plop.getDestBasePath(), data.name);
    const files = await planTree(templates, tree, data);
    const written = writtenInRun.get(data) ?? new Set<string>();
    writtenInRun.set(data, written);
    const conflicts = findConflicts(destination, files).filter((path) => !written.has(path));
    if (conflicts.length > 0)
      throw new Error(`${conflicts.length} file(s) already exist: ${conflicts.slice(0, 5).join(', ')}`);
    await writePlannedFiles(destination, files);
    for (const file of files) written.add(file.path);
    return `${files.length} files from templates/${tree} → ${destination}`;
  });
  for (const framework of FRAMEWORKS) {
    plop.setGenerator(framework.id, {
      description: `${framework.label}: ${framework.summary}`,
      prompts: promptsFor(framework) as never,
      actions: (answers) => plopActions(framework, answers ?? {}) as never,
    });
  }
  registerResourceGenerators(plop);
}

// Text the CLI prints about itself: --help, --list, --list --json, the dry-run tree and
// the next steps. All of it is derived from the framework definitions.
import { COMPOSE_SERVICES, servicesFor, type FrameworkDefinition } from './framework.js';
import type { PlannedFile } from './render.js';
import { expandCommand, formatCommand } from './run-command.js';
import { optionFlagHelp, type ProjectSpec } from './spec.js';
import { recordDescription } from './update/record.js';
import { VERSION } from './version.js';

export function helpText(frameworks: readonly FrameworkDefinition[], version: string): string {
  const ids = frameworks.map((framework) => framework.id).join('|');
  const optionLines = new Map<string, string>();
  for (const framework of frameworks) {
    for (const option of framework.options) {
      const line = optionLines.get(option.name);
      optionLines.set(
        option.name,
        line ? `${line}, ${framework.id}` : `  ${optionFlagHelp(option).padEnd(34)} ${option.message} (${framework.id}`,
      );
    }
  }
  return [
    `create-backend ${version} — start a new backend project`,
    '',
    'Usage: create-backend [directory] [options]',
    '',
    'Options:',
    `  -f, --framework <${ids}>`,
    '                                     the framework of the starter',
    '  --description <text>               one line describing the project',
    '  -y, --yes                          take the default for every question no flag answered',
    '  --interactive, --no-interactive    ask (default: in a terminal, unless CI is set) / never ask',
    '  --no-install                       do not install dependencies',
    '  --no-git                           do not run git init / first commit',
    '  --force                            write into a non-empty directory (stops on any',
    '                                     existing file; never overwrites)',
    '  --dry-run                          print the files that would be written; write nothing',
    '  --list [--json]                    frameworks, their options and defaults',
    '  update [--help]                    bring a generated project up to this version (in it)',
    '  add resource <name> [--help]       add a resource to a generated project (in it)',
    '  -h, --help                         this help',
    '  -v, --version                      the version',
    ...(optionLines.size > 0
      ? [
          '',
          'Framework options (see --list for values and defaults):',
          ...[...optionLines.values()].map((l) => `${l})`),
        ]
      : []),
    '',
    'Without a terminal, with CI set or --no-interactive, nothing is asked: pass the flags, or',
    '--yes for the defaults.',
  ].join('\n');
}

export function listText(frameworks: readonly FrameworkDefinition[]): string {
  const lines: string[] = [];
  for (const framework of frameworks) {
    lines.push(`${framework.id.padEnd(8)} ${framework.label} — ${framework.summary} [${framework.language}]`);
    for (const option of framework.options) {
      const values = option.kind === 'choice' ? option.choices.map((choice) => choice.value).join('|') : 'on|off';
      const fallback = option.kind === 'choice' ? option.default : option.default ? 'on' : 'off';
      lines.push(`           ${optionFlagHelp(option).padEnd(34)} ${option.message} [${values}, default ${fallback}]`);
    }
  }
  return lines.join('\n');
}

export function listJson(frameworks: readonly FrameworkDefinition[], version: string = VERSION): string {
  const data = frameworks.map((framework) => ({
    id: framework.id,
    label: framework.label,
    summary: framework.summary,
    language: framework.language,
    options: framework.options,
    toolchain: framework.toolchain.map((tool) => tool.name),
    commands: {
      install: framework.commands.install.map((command) => formatCommand(command.argv)),
      setup: framework.commands.setup.map((command) => formatCommand(command.argv)),
      test: framework.commands.test.map((command) => formatCommand(command.argv)),
      lint: framework.commands.lint.map((command) => formatCommand(command.argv)),
      start: formatCommand(framework.commands.start.argv),
    },
    // what a project of this framework records in .create-backend.json (never a secret)
    record: recordDescription(framework, version),
  }));
  return JSON.stringify(data, null, 2);
}

/** The planned files as an indented tree, folders first. */
export function fileTree(rootLabel: string, files: readonly PlannedFile[]): string {
  type Node = Map<string, Node | null>;
  const root: Node = new Map();
  for (const file of files) {
    let node = root;
    const parts = file.path.split('/');
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node.set(part, null);
      else {
        if (!node.get(part)) node.set(part, new Map());
        node = node.get(part)!;
      }
    });
  }
  const lines = [`${rootLabel}/`];
  const walk = (node: Node, prefix: string) => {
    const entries = [...node.entries()].sort(
      ([a, an], [b, bn]) => Number(an === null) - Number(bn === null) || (a < b ? -1 : 1),
    );
    entries.forEach(([name, child], i) => {
      const last = i === entries.length - 1;
      lines.push(`${prefix}${last ? '└── ' : '├── '}${name}${child ? '/' : ''}`);
      if (child) walk(child, `${prefix}${last ? '    ' : '│   '}`);
    });
  };
  walk(root, '');
  return lines.join('\n');
}

export function nextStepsText(spec: ProjectSpec, installed: boolean): string {
  const context = { packageManager: spec.packageManager, port: spec.framework.commands.defaultPort };
  const show = (commands: readonly { argv: readonly string[] }[]) =>
    commands.map((command) => formatCommand(expandCommand(command, context)));
  const { commands } = spec.framework;
  const services = servicesFor(spec.framework, spec.options).map((name) => COMPOSE_SERVICES[name]);
  const steps = [
    `cd ${formatCommand([spec.displayDir])}`,
    ...(installed ? [] : show(commands.install)),
    ...(services.length > 0
      ? [
          `docker compose up -d ${services.map((s) => s.service).join(' ')}    # start ${services.map((s) => s.label).join(' and ')} (compose.yaml)`,
        ]
      : []),
    ...show(commands.setup),
  ];
  return [
    `Done. ${spec.framework.label} project "${spec.name}" is in ${spec.targetDir}`,
    '',
    'Next steps:',
    ...steps.map((step) => `  ${step}`),
    `  ${show([commands.start])[0]}    # start the server`,
    ...show(commands.test).map((test) => `  ${test}    # run the tests`),
    '',
    'The README in the project explains its layout and features.',
  ].join('\n');
}

export const README_TABLE_START = '<!-- frameworks:start (generated by npm run readme from generators/*/index.ts) -->';
export const README_TABLE_END = '<!-- frameworks:end -->';

/** The README's framework table (Markdown), from the definitions. */
export function readmeTable(frameworks: readonly FrameworkDefinition[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const shownFor = (framework: FrameworkDefinition) =>
    ({ packageManager: 'npm', python: 'python3', port: framework.commands.defaultPort }) as const;
  const code = (framework: FrameworkDefinition, commands: readonly { argv: readonly string[] }[]) =>
    commands.map((command) => `\`${cell(formatCommand(expandCommand(command, shownFor(framework))))}\``).join('<br>') ||
    '—';
  const rows = frameworks.map((framework) => {
    const options = framework.options.map((option) => `\`${cell(optionFlagHelp(option))}\``).join('<br>') || '—';
    return `| **${framework.label}** \`${framework.id}\` | ${framework.language} | ${cell(framework.summary)} | ${options} | ${code(framework, framework.commands.install)} | ${code(framework, framework.commands.test)} | ${code(framework, [framework.commands.start])} |`;
  });
  return [
    README_TABLE_START,
    '| Framework | Language | What the starter shows | Options | Install | Test | Start |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    README_TABLE_END,
  ].join('\n');
}

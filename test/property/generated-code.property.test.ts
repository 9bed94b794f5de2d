// Property tests: for any name the validator accepts, any option combination and any
// one-line description (quotes, backslashes, `{{`, `<script>`, `$`, `#{}` …), every
// starter renders, and each rendered file passes its language's own syntax check.
// Files that are copied byte for byte are checked once per starter (last test).
// Python, Ruby and PHP run in the current Debian root when SMOKE_ROOT is set (.ci/run sets
// it), so the code is checked by the releases users run; else python3, ruby and php on PATH.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { transform } from 'esbuild';
import { execa } from 'execa';
import fc from 'fast-check';
import tmp from 'tmp';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { FRAMEWORKS } from '../../generators/index.js';
import type { FrameworkDefinition, OptionValues } from '../../src/framework.js';
import { isValidProjectName } from '../../src/names.js';
import { planProject } from '../../src/plan.js';
import type { PlannedFile } from '../../src/render.js';
import { buildTemplateData } from '../../src/template-data.js';
import { allCombinations } from '../combinations.js';
import { defaultStack, onStack } from '../smoke/current-root.js';

const stack = defaultStack();

/** Runs per starter; five starters → well over 200 generated cases per run. */
const RUNS_PER_STARTER = 45;

const NASTY_TEXT = [
  `He said "hi" and it's fine`,
  'back\\slash \\n \\u0041 \\',
  '{{ not a template }} {{{triple}}} {% block %} {{-- blade --}}',
  '<script>alert("x")</script> & <b>bold</b>',
  '$HOME ${PATH} $(rm -rf /) `uname` #{interpolate} #$global #@ivar',
  "'; DROP TABLE users; --",
  '# heading * star _under_ [link](x) | pipe |',
  'émoji ✓ 日本語 — “quotes” ‘single’',
  '*/ --> ?> <?php echo 1; ?> """ \'\'\' __END__',
];

const validName = fc
  .stringMatching(/^[a-z][a-z0-9]{0,12}(?:[-_][a-z0-9]{1,6}){0,3}$/)
  .filter((name) => isValidProjectName(name));

const description = fc.oneof(
  fc.constantFrom(...NASTY_TEXT),
  // eslint-disable-next-line no-control-regex -- control characters are what this filters out
  fc.string({ unit: 'grapheme', maxLength: 80 }).filter((text) => !/[\u0000-\u001f\u007f]/.test(text)),
  fc.array(fc.constantFrom(...NASTY_TEXT), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
);

function optionsOf(framework: FrameworkDefinition): fc.Arbitrary<OptionValues> {
  const entries = framework.options.map((option) =>
    option.kind === 'choice' ? fc.constantFrom(...option.choices.map((choice) => choice.value)) : fc.boolean(),
  );
  return fc
    .tuple(...entries)
    .map((values) => Object.fromEntries(framework.options.map((option, i) => [option.name, values[i]!])));
}

type Language = 'python' | 'toml' | 'ruby' | 'php' | 'ts' | 'js' | 'json' | 'yaml' | 'markup' | 'env' | 'text';

export function languageOf(path: string): Language {
  const name = basename(path);
  if (name.endsWith('.py')) return 'python';
  if (name.endsWith('.toml')) return 'toml';
  if (name.endsWith('.rb') || name.endsWith('.rake') || ['Gemfile', 'Rakefile', 'config.ru'].includes(name))
    return 'ruby';
  if (name.endsWith('.php')) return 'php';
  if (name.endsWith('.ts') || name.endsWith('.mts')) return 'ts';
  if (name.endsWith('.js') || name.endsWith('.mjs') || name.endsWith('.cjs')) return 'js';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.yml') || name.endsWith('.yaml')) return 'yaml';
  if (/\.(md|html|htm|handlebars|ejs|eta)$/.test(name)) return 'markup';
  if (name === '.env' || name.startsWith('.env.') || name === '.flaskenv') return 'env';
  return 'text';
}

const PYTHON_CHECK = `
import sys, tomllib
failed = False
for path in sys.argv[1:]:
    try:
        if path.endswith(".toml"):
            with open(path, "rb") as f:
                tomllib.load(f)
        else:
            with open(path, encoding="utf-8") as f:
                compile(f.read(), path, "exec")
    except Exception as error:
        failed = True
        print(f"{path}: {error}")
sys.exit(1 if failed else 0)
`;

/** Syntax-checks files already written under `root`; returns the problems found. */
export async function syntaxProblems(root: string, files: readonly PlannedFile[]): Promise<string[]> {
  const problems: string[] = [];
  const byLanguage = new Map<Language, PlannedFile[]>();
  for (const file of files) {
    const language = languageOf(file.path);
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), file]);
  }
  const text = (file: PlannedFile) => Buffer.from(file.contents).toString('utf8');
  const run = async (argv: string[]) => {
    const { file, args } = onStack(stack, argv, root);
    const result = await execa(file, args, { cwd: root, reject: false, all: true });
    if (result.exitCode !== 0 || /warning/i.test(result.all ?? ''))
      problems.push(`${argv.slice(0, 2).join(' ')}: ${result.all}`);
  };

  const python = [...(byLanguage.get('python') ?? []), ...(byLanguage.get('toml') ?? [])];
  if (python.length) await run(['python3', '-c', PYTHON_CHECK, ...python.map((file) => file.path)]);
  for (const file of byLanguage.get('ruby') ?? []) await run(['ruby', '-wc', file.path]);
  // php -l takes many files since PHP 8.3
  const php = byLanguage.get('php') ?? [];
  if (php.length) await run(['php', '-l', ...php.map((file) => file.path)]);
  for (const language of ['ts', 'js'] as const) {
    for (const file of byLanguage.get(language) ?? []) {
      try {
        await transform(text(file), { loader: language, sourcefile: file.path, format: 'esm' });
      } catch (error) {
        problems.push(`${file.path}: ${(error as Error).message}`);
      }
    }
  }
  for (const file of byLanguage.get('json') ?? []) {
    try {
      JSON.parse(text(file));
    } catch (error) {
      problems.push(`${file.path}: ${(error as Error).message}`);
    }
  }
  for (const file of byLanguage.get('yaml') ?? []) {
    const documents = YAML.parseAllDocuments(text(file));
    for (const document of documents)
      for (const error of document.errors) problems.push(`${file.path}: ${error.message}`);
  }
  for (const file of byLanguage.get('env') ?? []) {
    for (const line of text(file).split('\n')) {
      if (line.trim() && !line.trimStart().startsWith('#') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(line))
        problems.push(`${file.path}: not KEY=VALUE: ${line}`);
    }
  }
  return problems;
}

function writeAll(root: string, files: readonly PlannedFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.contents);
  }
}

const renderedOnly = (files: readonly PlannedFile[]) =>
  files.filter((file) => file.source.endsWith('.hbs') || file.source.includes('{{'));

describe.each(FRAMEWORKS.map((framework) => [framework.id, framework] as const))('%s starter', (_id, framework) => {
  it(`renders valid code for ${RUNS_PER_STARTER} random names, option combinations and descriptions`, async () => {
    await fc.assert(
      fc.asyncProperty(validName, optionsOf(framework), description, async (name, options, text) => {
        const data = buildTemplateData(name, framework, options, text);
        const files = renderedOnly(await planProject(framework, data));
        const root = tmp.dirSync({ unsafeCleanup: true }).name;
        writeAll(root, files);
        const problems = await syntaxProblems(root, files);
        // free text never lands as live markup in a page or a README
        for (const file of files.filter((candidate) => languageOf(candidate.path) === 'markup')) {
          if (text.includes('<script>'))
            expect(Buffer.from(file.contents).toString('utf8'), file.path).not.toContain('<script>alert');
        }
        expect(problems, `name=${name} options=${JSON.stringify(options)}`).toEqual([]);
      }),
      { numRuns: RUNS_PER_STARTER },
    );
  }, 300_000);

  it('renders valid code for every combination of its options', async () => {
    const root = tmp.dirSync({ unsafeCleanup: true }).name;
    for (const [index, options] of allCombinations(framework).entries()) {
      const files = renderedOnly(await planProject(framework, buildTemplateData('demo-app', framework, options)));
      const dir = join(root, String(index));
      writeAll(dir, files);
      expect(await syntaxProblems(dir, files), JSON.stringify(options)).toEqual([]);
    }
  }, 300_000);

  it('copies only files that pass the syntax check (every option on and off)', async () => {
    const seen = new Map<string, PlannedFile>();
    for (const options of [
      {},
      Object.fromEntries(
        framework.options.map((option) => [
          option.name,
          option.kind === 'toggle' ? !option.default : option.choices.at(-1)!.value,
        ]),
      ),
    ]) {
      for (const file of await planProject(framework, buildTemplateData('demo-app', framework, options))) {
        if (!renderedOnly([file]).length) seen.set(file.path, file);
      }
    }
    const files = [...seen.values()];
    const root = tmp.dirSync({ unsafeCleanup: true }).name;
    writeAll(root, files);
    expect(await syntaxProblems(root, files)).toEqual([]);
  }, 300_000);
});

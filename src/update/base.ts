// The merge base: the project as the build that generated it renders it again. That build
// is this one when the versions match; otherwise `--from` names it (a packed tarball, a
// built checkout of this repository, or an unpacked package folder), or it is fetched
// from the npm registry (`npm pack <name>@<recorded version>`). Another build renders
// through its own CLI: `create-backend update --render <dir> --answers <record>` (the
// contract every build since the record keeps; docs/UPDATING.md).
import { existsSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { quote, UserError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';

const CLI_PATH = 'dist/create-backend.js';

/** The folder of another build's package (holding package.json and dist/create-backend.js). */
export interface OtherBuild {
  root: string;
  version: string;
  /** A temporary folder to remove afterwards, if one was made. */
  scratch?: string;
}

function packageJson(root: string): { name?: string; version?: string } {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: string; version?: string };
}

export function packageName(): string {
  return packageJson(PACKAGE_ROOT).name ?? 'create-backend';
}

/** Where this build's dependencies live, so an unpacked build can load the same ones. */
function dependenciesDir(): string | undefined {
  const own = join(PACKAGE_ROOT, 'node_modules');
  if (existsSync(own)) return own;
  const parent = dirname(PACKAGE_ROOT);
  return basename(parent) === 'node_modules' ? parent : undefined;
}

async function unpack(
  tarball: string,
  scratch: string = mkdtempSync(join(tmpdir(), 'create-backend-base-')),
): Promise<OtherBuild> {
  const { execa } = await import('execa');
  const result = await execa('tar', ['-xzf', tarball, '-C', scratch], { reject: false });
  if (result.exitCode !== 0)
    throw new UserError(
      `Cannot unpack ${quote(tarball)}: ${String(result.stderr || result.message || 'tar failed').split('\n')[0]}.`,
    );
  const root = join(scratch, 'package');
  if (!existsSync(join(root, CLI_PATH)))
    throw new UserError(`${quote(tarball)} is not a create-backend package (no package/${CLI_PATH} in it).`);
  const deps = dependenciesDir();
  if (deps && !existsSync(join(root, 'node_modules'))) symlinkSync(deps, join(root, 'node_modules'), 'junction');
  return { root, version: packageJson(root).version ?? '?', scratch };
}

/** The build `--from` names: a .tgz, or a folder (a built checkout, or an unpacked package). */
export async function buildFrom(from: string, cwd: string): Promise<OtherBuild> {
  const path = resolve(cwd, from);
  if (!existsSync(path)) throw new UserError(`--from ${quote(from)}: no such file or folder.`);
  if (statSync(path).isFile()) return unpack(path);
  for (const root of [path, join(path, 'package')]) {
    if (existsSync(join(root, CLI_PATH))) return { root, version: packageJson(root).version ?? '?' };
  }
  if (existsSync(join(path, 'package.json'))) {
    throw new UserError(
      `--from ${quote(from)} has no ${CLI_PATH}: build it first (npm ci && npm run build in that checkout).`,
    );
  }
  throw new UserError(`--from ${quote(from)} is neither a create-backend package (.tgz) nor a folder holding one.`);
}

/** The recorded version's package from the npm registry. */
export async function buildFromRegistry(version: string): Promise<OtherBuild> {
  const { execa } = await import('execa');
  const scratch = mkdtempSync(join(tmpdir(), 'create-backend-pack-'));
  const spec = `${packageName()}@${version}`;
  const result = await execa('npm', ['pack', spec, '--json', '--pack-destination', scratch], {
    reject: false,
    cwd: scratch,
  });
  if (result.exitCode !== 0) {
    const reason =
      String(result.stderr || result.message || '')
        .split('\n')
        .find((line) => line.trim()) ?? 'npm failed';
    throw new UserError(
      `Cannot fetch ${spec} from the npm registry (${reason.trim()}). Pass --from <that build: a .tgz, a built checkout or a folder>.`,
    );
  }
  const [packed] = JSON.parse(result.stdout) as { filename: string }[];
  return unpack(join(scratch, packed!.filename), scratch);
}

/** Renders the recorded project with another build into `outDir` (empty); throws with its error. */
export async function renderWithBuild(build: OtherBuild, recordPath: string, outDir: string): Promise<void> {
  const { execa } = await import('execa');
  const result = await execa(
    process.execPath,
    [join(build.root, CLI_PATH), 'update', '--render', outDir, '--answers', recordPath],
    {
      reject: false,
      cwd: outDir,
      env: { NO_COLOR: '1', CI: '1' },
      all: true,
    },
  );
  if (result.exitCode !== 0) {
    const output = (result.all ?? result.message).trim();
    const old = /Unknown option "--render"/.test(output) ? ' (that build predates create-backend update)' : '';
    throw new UserError(
      `The base build ${build.version} at ${build.root} could not render the project${old}: ${output.split('\n').slice(-3).join(' ')}`,
    );
  }
}

// Turns the project name into every identifier a template needs, and refuses names
// that would break one of them (the names a framework reserves come from its
// definition). Pure functions: no filesystem, no prompts.

export const MAX_NAME_LENGTH = 64;

/**
 * Device names Windows reserves in every folder, also with an extension (`con.txt`): a
 * project holding such a name cannot be checked out there.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;

const NAME_PATTERN = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

/**
 * Returns why `name` cannot be a project name, or undefined when it can. `reserved` adds
 * names one framework cannot take (its definition's `reservedNames`).
 */
export function projectNameProblem(name: string, reserved: Readonly<Record<string, string>> = {}): string | undefined {
  if (name.trim() === '') return 'the name is empty';
  if (name === '.' || name === '..' || name.split(/[\\/]/).includes('..')) {
    return 'it must be a new folder name, not "." or ".."';
  }
  if (/[\\/]/.test(name)) return 'it contains a path separator';
  const device = WINDOWS_RESERVED.exec(name);
  if (device)
    return `Windows reserves "${device[1]!.toUpperCase()}" as a device name, so the project could not be checked out there`;
  if (name.length > MAX_NAME_LENGTH) return `it is longer than ${MAX_NAME_LENGTH} characters`;
  if (/^[._-]/.test(name)) return `it starts with "${name[0]}"; start with a lowercase letter`;
  if (/^[0-9]/.test(name)) return 'it starts with a digit; Python and Ruby identifiers cannot';
  if (/\s/.test(name)) return 'it contains whitespace';
  if (/[A-Z]/.test(name)) return 'it contains uppercase letters; npm package names are lowercase';
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(name)) return 'it contains non-ASCII characters';
  if (!NAME_PATTERN.test(name)) {
    return 'use lowercase letters, digits and single "-" or "_" between them';
  }
  const shadowed = reserved[toPythonPackage(name)] ?? reserved[name];
  if (shadowed) return `it would shadow ${shadowed}`;
  return undefined;
}

export function isValidProjectName(name: string, reserved?: Readonly<Record<string, string>>): boolean {
  return projectNameProblem(name, reserved) === undefined;
}

function words(name: string): string[] {
  return name.split(/[-_]/).filter(Boolean);
}

/** npm package name: the project name itself (already lowercase, URL-safe). */
export function toPackageName(name: string): string {
  return name;
}

/** Python package/module: `my-app` → `my_app`. */
export function toPythonPackage(name: string): string {
  return name.replace(/-/g, '_');
}

/** Ruby module / PHP class constant: `my-app` → `MyApp`. */
export function toModuleName(name: string): string {
  return words(name)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** Human title: `my-app` → `My App`. */
export function toTitle(name: string): string {
  return words(name)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

// Python source laid out as `ruff format` (Black's style, line length 100 — the starter's
// pyproject.toml) lays it out, so that what `add resource` writes passes the project's
// `ruff format --check` whatever the length of its names.

const LINE_LENGTH = 100;

const fits = (line: string) => line.length <= LINE_LENGTH;

/** A call `head(args…)` at `indent`: on one line, else its arguments on one line of their own, else one per line. */
export function pyCall(indent: string, head: string, args: readonly string[]): string {
  const oneLine = `${indent}${head}(${args.join(', ')})`;
  if (fits(oneLine) || args.length === 0) return oneLine;
  const inner = `${indent}    ${args.join(', ')}`;
  if (fits(inner)) return `${indent}${head}(\n${inner}\n${indent})`;
  return `${indent}${head}(\n${args.map((arg) => `${indent}    ${arg},\n`).join('')}${indent})`;
}

/**
 * A list, tuple or dict literal `head[items…]` at `indent` (`brackets` is its pair, e.g.
 * `{}`): on one line, else one item per line with a trailing comma (Black never packs a
 * literal's items onto a shared line).
 */
export function pyLiteral(indent: string, head: string, items: readonly string[], brackets: string): string {
  const [open, close] = [brackets.charAt(0), brackets.charAt(1)];
  const oneLine = `${indent}${head}${open}${items.join(', ')}${close}`;
  if (fits(oneLine) || items.length === 0) return oneLine;
  return `${indent}${head}${open}\n${items.map((item) => `${indent}    ${item},\n`).join('')}${indent}${close}`;
}

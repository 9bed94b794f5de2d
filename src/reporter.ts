// Everything the CLI prints goes through here: progress and results on stdout, warnings
// and errors on stderr (so an error is the only line there); colour only on a TTY
// without NO_COLOR.
export interface Reporter {
  step(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  out(message: string): void;
}

export function createReporter(stream: NodeJS.WriteStream = process.stderr, out: NodeJS.WriteStream = process.stdout): Reporter {
  const colour = (target: NodeJS.WriteStream) => Boolean(target.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const paint = (target: NodeJS.WriteStream, code: string, text: string) => (colour(target) ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    step: (message) => out.write(`${paint(out, '36', '›')} ${message}\n`),
    info: (message) => out.write(`  ${message}\n`),
    warn: (message) => stream.write(`${paint(stream, '33', 'warning:')} ${message}\n`),
    error: (message) => stream.write(`${paint(stream, '31', 'error:')} ${message}\n`),
    out: (message) => out.write(`${message}\n`),
  };
}

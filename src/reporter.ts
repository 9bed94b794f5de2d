// Everything the CLI prints goes through here: colour only on a TTY without NO_COLOR.
export interface Reporter {
  step(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  out(message: string): void;
}

export function createReporter(stream: NodeJS.WriteStream = process.stderr, out: NodeJS.WriteStream = process.stdout): Reporter {
  const colour = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    step: (message) => stream.write(`${paint('36', '›')} ${message}\n`),
    info: (message) => stream.write(`  ${message}\n`),
    warn: (message) => stream.write(`${paint('33', 'warning:')} ${message}\n`),
    error: (message) => stream.write(`${paint('31', 'error:')} ${message}\n`),
    out: (message) => out.write(`${message}\n`),
  };
}

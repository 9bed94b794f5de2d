// Everything the CLI prints goes through here: progress and results on stdout, warnings
// and errors on stderr (so an error is the only line there); colour only on a TTY
// without NO_COLOR. A long step is one line: in a terminal it shows the time so far and
// ends as ✔/✖ with the time taken; without one it is a plain line at the start and end.
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

export interface Task {
  done(): void;
  failed(): void;
}

export interface Reporter {
  step(message: string): void;
  /** A long step (an install, git): one progress line with the elapsed time. */
  task(label: string): Task;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  out(message: string): void;
}

/** `842 ms`, `4.2 s`, `38 s`, `2 min 05 s`. */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function createReporter(
  out: OutputStream = process.stdout,
  err: OutputStream = process.stderr,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Reporter {
  const colour = (target: OutputStream) => Boolean(target.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
  const paint = (target: OutputStream, code: string, text: string) =>
    colour(target) ? `\u001b[${code}m${text}\u001b[0m` : text;
  const task = (label: string): Task => {
    const start = performance.now();
    const elapsed = () => formatElapsed(performance.now() - start);
    if (!out.isTTY) {
      out.write(`› ${label}\n`);
      return {
        done: () => out.write(`✔ ${label} (${elapsed()})\n`),
        failed: () => out.write(`✖ ${label} (${elapsed()})\n`),
      };
    }
    const line = (text: string) => out.write(`\r\u001b[2K${text}`);
    line(`${paint(out, '36', '›')} ${label}`);
    const timer = setInterval(() => line(`${paint(out, '36', '›')} ${label} ${paint(out, '2', elapsed())}`), 1000);
    timer.unref();
    const end = (mark: string) => {
      clearInterval(timer);
      line(`${mark} ${label} ${paint(out, '2', `(${elapsed()})`)}\n`);
    };
    return { done: () => end(paint(out, '32', '✔')), failed: () => end(paint(out, '31', '✖')) };
  };
  return {
    step: (message) => out.write(`${paint(out, '36', '›')} ${message}\n`),
    task,
    info: (message) => out.write(`  ${message}\n`),
    warn: (message) => err.write(`${paint(err, '33', 'warning:')} ${message}\n`),
    error: (message) => err.write(`${paint(err, '31', 'error:')} ${message}\n`),
    out: (message) => out.write(`${message}\n`),
  };
}

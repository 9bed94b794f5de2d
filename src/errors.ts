/** A problem the user can fix: printed as one line, exit code 1, no stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

/** The user pressed Ctrl-C (or the process got SIGINT/SIGTERM): exit 130. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(message = 'Cancelled.') {
    super(message);
  }
}

/** User input inside a message: quoted, with line breaks and control characters escaped. */
export function quote(text: string): string {
  return JSON.stringify(text);
}

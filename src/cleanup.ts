// Undo actions that must run however the process ends: an error, Ctrl-C or SIGTERM.
// They are synchronous so they can run inside a signal handler before exit.
type Cleanup = () => void;

const pending = new Set<Cleanup>();

/** Registers `undo`; returns a function that forgets it (call once the work is kept). */
export function onAbort(undo: Cleanup): () => void {
  pending.add(undo);
  return () => pending.delete(undo);
}

/** Runs every pending undo, newest first. Never throws. */
export function runAborts(): void {
  for (const undo of [...pending].reverse()) {
    pending.delete(undo);
    try {
      undo();
    } catch {
      // best effort: the remaining undos still run
    }
  }
}

export function hasPendingAborts(): boolean {
  return pending.size > 0;
}

import { relative } from 'node:path';
import { Eta } from 'eta';

type RenderCallback = (error: Error | null, html?: string) => void;

/**
 * Plugs Eta into `res.render`. Express hands us an absolute file path; Eta resolves
 * templates (and their `layout()` / `include()` calls) relative to `viewsDir` and
 * refuses anything outside it. Templates get Express's locals as `it`.
 */
export function etaEngine(viewsDir: string, options: { cache: boolean }) {
  const eta = new Eta({ views: viewsDir, cache: options.cache, autoEscape: true });
  return (filePath: string, data: object, callback: RenderCallback): void => {
    try {
      callback(null, eta.render(relative(viewsDir, filePath), data));
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

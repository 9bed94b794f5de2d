// One smoke suite per framework: every scenario of its options, each a full
// generate → install → own tests → boot → HTTP checks run.
import { tmpdir } from 'node:os';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { findFramework } from '../../generators/index.js';
import type { FrameworkId } from '../../src/framework.js';
import { defaultStack, describeStack } from './current-root.js';
import { CLI, smokeTest } from './run.js';
import { smokeScenarios } from './scenarios.js';
import type { SmokeChecks } from './types.js';

export function defineSmokeSuite(id: FrameworkId, checks: SmokeChecks): void {
  const framework = findFramework(id);
  if (!framework) throw new Error(`no framework ${id}`);
  describe(`${framework.label} starter`, () => {
    if (!framework.available) {
      // Not offered yet: the CLI must refuse it rather than write half a project.
      it('is refused by the CLI while it is not available', async () => {
        const result = await execa('node', [CLI, 'smoke-unavailable', '--framework', id, '--yes'], { reject: false, cwd: tmpdir() });
        expect(result.exitCode).toBe(1);
        expect(result.stderr).toContain('not available yet');
      });
      return;
    }
    const stack = defaultStack();
    for (const scenario of smokeScenarios(framework)) {
      it(`${scenario.label}: generate, install, own tests, boot, HTTP checks (${describeStack(stack)})`, () => smokeTest(framework, checks, scenario.options, { stack }), 30 * 60_000);
    }
    if (stack.kind === 'root' && checks.alsoOnHost) {
      const [defaults] = smokeScenarios(framework);
      it(`defaults on the host (${checks.alsoOnHost})`, () => smokeTest(framework, checks, defaults!.options, { stack: { kind: 'host' } }), 30 * 60_000);
    }
  });
}

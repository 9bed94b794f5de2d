// One smoke suite per framework: every scenario of its options, each a full
// generate → install → own tests → boot → HTTP checks run.
import { describe, it } from 'vitest';
import { findFramework } from '../../generators/index.js';
import type { FrameworkId } from '../../src/framework.js';
import { defaultStack, describeStack } from './current-root.js';
import { smokeTest } from './run.js';
import { smokeScenarios } from './scenarios.js';
import type { SmokeChecks } from './types.js';

export function defineSmokeSuite(id: FrameworkId, checks: SmokeChecks): void {
  const framework = findFramework(id);
  if (!framework) throw new Error(`no framework ${id}`);
  describe(`${framework.label} starter`, () => {
    const stack = defaultStack();
    for (const scenario of smokeScenarios(framework)) {
      it(
        `${scenario.label}: generate, install, own tests, boot, HTTP checks (${describeStack(stack)})`,
        () => smokeTest(framework, checks, scenario.options, { stack }),
        30 * 60_000,
      );
    }
    if (stack.kind === 'root' && checks.alsoOnHost) {
      const [defaults] = smokeScenarios(framework);
      it(
        `defaults on the host (${checks.alsoOnHost})`,
        () => smokeTest(framework, checks, defaults!.options, { stack: { kind: 'host' } }),
        30 * 60_000,
      );
    }
  });
}

// `create-backend add resource` end to end (issue 18), for every starter that has a
// resource generator (generators/resources.ts): generate a project (defaults, and the
// first PostgreSQL scenario), add `book` and then `author` with the built CLI on the host
// (test/smoke/add-resources.ts), then the whole smoke run of the starter — install, the
// project's own tests (the generated ones included) and linters, boot in development and
// production, with test/smoke/<id>.add-checks.ts: the starter's own checks plus the
// resources over HTTP. A starter with a generator and no such file fails here.
import { describe, it } from 'vitest';
import { RESOURCE_GENERATORS } from '../../generators/resources.js';
import { findFramework } from '../../generators/index.js';
import { addResources } from './add-resources.js';
import { defaultStack, describeStack } from './current-root.js';
import { smokeTest } from './run.js';
import { smokeScenarios } from './scenarios.js';
import type { SmokeChecks } from './types.js';

const stack = defaultStack();

for (const generator of RESOURCE_GENERATORS) {
  const framework = findFramework(generator.framework)!;
  const checks = ((await import(`./${framework.id}.add-checks.ts`)) as { default: SmokeChecks }).default;
  describe(`add resource in the ${framework.label} starter`, () => {
    const scenarios = smokeScenarios(framework);
    const picked = [scenarios[0]!, ...scenarios.filter((scenario) => scenario.options.db === 'postgres').slice(0, 1)];
    for (const scenario of picked) {
      it(
        `${scenario.label}: generate, add book and author, own tests and linters, boot, CRUD over HTTP (${describeStack(stack)})`,
        () => smokeTest(framework, checks, scenario.options, { stack, afterGenerate: addResources }),
        30 * 60_000,
      );
    }
  });
}

// Stands in for inquirer inside the plop bundle (dist/plop.js, scripts/bundle.mjs): `add`
// hands node-plop its answers as arguments and runs the actions only, so node-plop's
// prompt library — three quarters of the bundle (inquirer, rxjs, iconv-lite…) — is never
// called. Plain plop (`npm run plop`) uses plop's own node-plop, with inquirer, unbundled.
function noPrompts(): never {
  throw new Error('create-backend add takes its answers as arguments; it asks no questions.');
}

export default {
  registerPrompt(): void {},
  createPromptModule: () => noPrompts,
  prompt: Object.assign(noPrompts, { prompts: {} }),
};

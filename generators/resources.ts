// The starters whose projects `create-backend add resource` can grow, each by its own plop
// generator beside its definition (`generators/<id>/resource.ts`, templates in
// `templates/<id>/_resource/`). Kept apart from generators/index.ts so that only the plop
// bundle, which `add` loads, carries them. Django, Flask, Laravel and Rails: issue 18.
import type { ResourceGenerator } from '../src/add/types.js';
import { expressResource } from './express/resource.js';
import { railsResource } from './rails/resource.js';

export const RESOURCE_GENERATORS: readonly ResourceGenerator[] = [expressResource, railsResource];

// The starters whose projects `create-backend add resource` can grow, each by its own plop
// generator beside its definition (`generators/<id>/resource.ts`, templates in
// `templates/<id>/_resource/`). Kept apart from generators/index.ts so that only the plop
// bundle, which `add` loads, carries them. Every starter has one (test/unit/add.test.ts).
import type { ResourceGenerator } from '../src/add/types.js';
import { djangoResource } from './django/resource.js';
import { expressResource } from './express/resource.js';
import { flaskResource } from './flask/resource.js';
import { laravelResource } from './laravel/resource.js';
import { railsResource } from './rails/resource.js';

export const RESOURCE_GENERATORS: readonly ResourceGenerator[] = [
  expressResource,
  djangoResource,
  laravelResource,
  railsResource,
  flaskResource,
];

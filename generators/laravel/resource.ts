// `create-backend add resource` for the Laravel starter: a resource beside `documents`, in
// the same shape and what `php artisan make:model Book -mfR --api` plus a controller under
// Api/ would start from — the Eloquent model (owned by a user, `casts()`), a timestamped
// anonymous migration, a factory, Store/Update Form Requests, a JSON Resource, an API
// controller answering only the token's user (404 for anyone else's, as documents do),
// paginated 20 a page like the documents, and a feature test. Registered in the files that
// list `documents`: the route in the `auth:api` group of routes/api.php, the user's
// hasMany, and the paths and schemas of resources/openapi.json (which OpenApiTest holds
// to the routes). The starter caches no list, so there is nothing to invalidate.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resource } from '../../src/add/resource-model.js';
import type { ProjectFacts, ResourceAction, ResourceGenerator } from '../../src/add/types.js';
import { resourceActions } from '../../src/add/templates.js';
import { quote, UserError } from '../../src/errors.js';
import { laravelField } from './resource-fields.js';
import { RESERVED_FIELDS, RESERVED_RESOURCES } from './resource-reserved.js';

/** `YYYY_MM_DD_HHMMSS` of `moment` (UTC), as `make:migration` names files. */
function migrationStamp(moment: Date): string {
  const iso = moment.toISOString();
  return `${iso.slice(0, 4)}_${iso.slice(5, 7)}_${iso.slice(8, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/**
 * The stamp of a new migration: now, or one second after the newest one in
 * database/migrations when that is not earlier (a second resource added in the same
 * second, or a clock behind the starter's own), so it always runs after them.
 */
export function nextMigrationStamp(projectDir: string, now: Date = new Date()): string {
  let newest = '';
  try {
    for (const file of readdirSync(join(projectDir, 'database/migrations'))) {
      const stamp = /^(\d{4}_\d{2}_\d{2}_\d{6})_/.exec(file)?.[1];
      if (stamp && stamp > newest) newest = stamp;
    }
  } catch {
    // no migrations folder: now
  }
  const stamp = migrationStamp(now);
  if (stamp > newest) return stamp;
  const [, y, mo, d, h, mi, s] = /^(\d{4})_(\d{2})_(\d{2})_(\d{2})(\d{2})(\d{2})$/.exec(newest)!;
  return migrationStamp(new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s! + 1)));
}

/** The `use App\Http\Controllers\Api\…;` line of routes/api.php the new one goes before, in sorted order. */
function controllerImport(routes: string, controller: string): { pattern: RegExp; before: boolean } {
  const line = (name: string) => `use App\\Http\\Controllers\\Api\\${name};`;
  const names = [...routes.matchAll(/^use App\\Http\\Controllers\\Api\\(\w+);$/gm)].map((match) => match[1]!);
  const next = names.find((name) => name > controller);
  const anchor = next ?? names.at(-1) ?? 'DocumentController';
  return { pattern: new RegExp(`^(${escapeRegExp(line(anchor))})$`, 'm'), before: next !== undefined };
}

/** A PHP single-quoted string of `text`. */
const phpString = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const laravelResource: ResourceGenerator = {
  framework: 'laravel',
  reserved: RESERVED_RESOURCES,
  collectionPath: (r) => `/api/${r.kebabPlural}`,
  existing: (r) => [
    `app/Models/${r.pascal}.php`,
    `app/Http/Controllers/Api/${r.pascal}Controller.php`,
    `tests/Feature/${r.pascal}ApiTest.php`,
  ],
  actions(r: Resource, _project: ProjectFacts, projectDir: string): ResourceAction[] {
    for (const field of r.fields) {
      const clash = RESERVED_FIELDS[field.name];
      if (clash)
        throw new UserError(
          `The field name ${quote(field.name)} is reserved in the Laravel starter: it is ${clash}. Nothing was written.`,
        );
    }
    const props = r.fields.map(laravelField);
    const invalidCases = props.flatMap((field) =>
      [...(field.required ? ['null'] : []), ...field.invalid].map((value) => ({
        field,
        value,
        label: phpString(`${field.name}: ${value}`),
      })),
    );
    const data = {
      r,
      props,
      casts: props.filter((field) => field.cast),
      defaults: props.filter((field) => field.isBoolean && field.required),
      usesDatetime: props.some((field) => field.isDatetime),
      datetimeNames: `[${props
        .filter((field) => field.isDatetime)
        .map((field) => `'${field.name}'`)
        .join(', ')}]`,
      requiredMissing: props.filter((field) => field.required && !field.isBoolean),
      invalidCases,
      firstInvalid: invalidCases[0],
      optional: props.filter((field) => !field.required),
      first: props[0],
      sentenceName: r.words.charAt(0).toUpperCase() + r.words.slice(1),
      sentencePlural: r.pluralWords.charAt(0).toUpperCase() + r.pluralWords.slice(1),
      inputRequired: JSON.stringify(props.filter((field) => field.required && !field.isBoolean).map((f) => f.name)),
      outputRequired: JSON.stringify([
        'id',
        ...props.map((field) => field.name),
        'created_at',
        'updated_at',
        'links',
      ]).replaceAll(',', ', '),
    };
    const { add, modify, append, before } = resourceActions('laravel', data);
    const routes = readText(projectDir, 'routes/api.php');
    const controller = `${r.pascal}Controller`;
    const imported = controllerImport(routes, controller);
    const importLine = `use App\\Http\\Controllers\\Api\\${controller};`;
    return [
      add(`app/Models/${r.pascal}.php`, 'app/Models/Model.php.hbs'),
      add(
        `database/migrations/${nextMigrationStamp(projectDir)}_create_${r.plural}_table.php`,
        'database/migrations/create_table.php.hbs',
      ),
      add(`database/factories/${r.pascal}Factory.php`, 'database/factories/Factory.php.hbs'),
      add(`app/Http/Requests/Store${r.pascal}Request.php`, 'app/Http/Requests/StoreRequest.php.hbs'),
      add(`app/Http/Requests/Update${r.pascal}Request.php`, 'app/Http/Requests/UpdateRequest.php.hbs'),
      add(`app/Http/Resources/${r.pascal}Resource.php`, 'app/Http/Resources/Resource.php.hbs'),
      add(`app/Http/Controllers/Api/${controller}.php`, 'app/Http/Controllers/Api/Controller.php.hbs'),
      add(`tests/Feature/${r.pascal}ApiTest.php`, 'tests/Feature/ApiTest.php.hbs'),
      // routes/api.php: the controller's import in sorted order, the route at the end of
      // the token-guarded group that holds the documents' routes
      imported.before
        ? modify('routes/api.php', imported.pattern, `${importLine}\n$1`)
        : append('routes/api.php', imported.pattern, importLine),
      before(
        'routes/api.php',
        /(?<=->name\('documents\.show'\);\n(?: {4}Route::apiResource\([^\n]*\n)*)\}\);$/m,
        'routes/api-route.php.hbs',
      ),
      // the user owns them, as they own their documents
      before('app/Models/User.php', /\n {4}\/\*\*\n {5}\* A new API token for /, 'app/Models/user-relation.php.hbs'),
      // the OpenAPI document: the paths after the last one, the schemas before Error
      before('resources/openapi.json', /\n {4}\},\n {4}"components": \{\n/, 'resources/openapi-paths.json.hbs'),
      before('resources/openapi.json', /^ {12}"Error": \{$/m, 'resources/openapi-schemas.json.hbs'),
    ];
  },
};

function readText(projectDir: string, path: string): string {
  try {
    return readFileSync(join(projectDir, path), 'utf8');
  } catch {
    return '';
  }
}

// `create-backend add resource` for the Django starter: a new app `<plural>/` beside
// `accounts/`, in the starter's own shape — the model and its first migration (what
// `makemigrations` writes), a ModelForm whose fields take JSON values strictly, plain JSON
// views like accounts/api.py (anyone reads; writes need the log-in session and the CSRF
// token, with its error answers and body limits), the admin, the OpenAPI paths and
// schemas, and pytest tests in the style of accounts/tests/. Registered in INSTALLED_APPS,
// config/urls.py and accounts/openapi.py, each edit anchored on a line the starter already
// has, so a second resource lands beside the first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Field, FieldType, Resource } from '../../src/add/resource-model.js';
import type { ResourceAction, ResourceGenerator } from '../../src/add/types.js';
import { resourceActions } from '../../src/add/templates.js';
import { pyCall, pyLiteral } from './python-layout.js';
import { DJANGO_RESERVED_FIELDS, DJANGO_RESERVED_NAMES } from './reserved.js';

const INTEGER_BOUNDS = { min: -2147483648, max: 2147483647 };

/** Everything the templates say about one field, as Python code. */
interface DjangoField extends Field {
  modelClass: string;
  /** The keyword arguments of the model field, as models.py writes them. */
  modelArgs: string[];
  /** The field in migrations/0001_initial.py (kwargs sorted, as Django's writer does). */
  migration: string;
  /** The form field class of forms.py that takes this field's JSON value. */
  formClass: string;
  /** The items of its JSON Schemas (Python dict entries): the value answered, the value taken. */
  schema: string[];
  input: string[];
  /** Python literals for tests: a valid value, another one, and invalid ones with an id. */
  sample: string;
  other: string;
  invalid: { value: string; id: string }[];
  /** What the API answers for a null sent to it (optional fields only). */
  nullAnswer: string;
}

type FieldCode = Omit<DjangoField, keyof Field | 'migration' | 'nullAnswer'>;

const orNull = (field: Field, items: string[]) =>
  field.required ? items : [items[0]!.replace(/^"type": "(\w+)"$/, '"type": ["$1", "null"]'), ...items.slice(1)];

function fieldCode(field: Field): FieldCode {
  const optional = field.required ? [] : ['null=True', 'blank=True'];
  const same = (items: string[]) => ({ schema: orNull(field, items), input: orNull(field, items) });
  switch (field.type) {
    case 'string':
    case 'text': {
      // Django keeps a blank string as "" (never NULL): an optional one answers "" and takes null for it.
      const max = field.type === 'string' ? 200 : 10000;
      return {
        modelClass: field.type === 'string' ? 'CharField' : 'TextField',
        modelArgs: [`max_length=${max}`, ...(field.required ? [] : ['blank=True'])],
        formClass: 'JSONCharField',
        schema: ['"type": "string"', `"maxLength": ${max}`],
        input: field.required
          ? ['"type": "string"', '"minLength": 1', `"maxLength": ${max}`]
          : ['"type": ["string", "null"]', `"maxLength": ${max}`],
        sample: field.type === 'string' ? '"A first one"' : '"Some lines\\nof text"',
        other: field.type === 'string' ? '"Another one"' : '"Other text"',
        invalid:
          field.type === 'string'
            ? [
                { value: '42', id: 'not-a-string' },
                { value: '"x" * 201', id: 'too-long' },
                { value: '"A\\u0000B"', id: 'nul' },
              ]
            : [
                { value: 'True', id: 'not-a-string' },
                { value: '"x" * 10001', id: 'too-long' },
              ],
      };
    }
    case 'integer':
      return {
        modelClass: 'IntegerField',
        modelArgs: [...optional, 'validators=INTEGER_BOUNDS'],
        formClass: 'JSONIntegerField',
        ...same(['"type": "integer"', `"minimum": ${INTEGER_BOUNDS.min}`, `"maximum": ${INTEGER_BOUNDS.max}`]),
        sample: '42',
        other: '7',
        invalid: [
          { value: '"many"', id: 'not-an-integer' },
          { value: '4.5', id: 'a-fraction' },
          { value: 'True', id: 'a-boolean' },
          { value: `${INTEGER_BOUNDS.max + 1}`, id: 'too-large' },
          { value: `${INTEGER_BOUNDS.min - 1}`, id: 'too-small' },
        ],
      };
    case 'decimal':
      // exact: a string both ways, stored as a decimal with 10 digits before the point and 2 after
      return {
        modelClass: 'DecimalField',
        modelArgs: ['max_digits=12', 'decimal_places=2', ...optional],
        formClass: 'JSONDecimalField',
        schema: orNull(field, ['"type": "string"', '"pattern": "^-?[0-9]{1,10}\\\\.[0-9]{2}$"']),
        input: orNull(field, ['"type": "string"', '"pattern": "^-?[0-9]{1,10}(\\\\.[0-9]{1,2})?$"']),
        sample: '"12.50"',
        other: '"3.25"',
        invalid: [
          { value: '12.5', id: 'a-number' },
          { value: '"1.234"', id: 'three-decimals' },
          { value: '"12345678901"', id: 'eleven-digits' },
          { value: '"NaN"', id: 'nan' },
          { value: '"1e3"', id: 'an-exponent' },
        ],
      };
    case 'boolean':
      return {
        modelClass: 'BooleanField',
        modelArgs: field.required ? ['default=False'] : optional,
        formClass: field.required ? 'JSONBooleanField' : 'JSONNullBooleanField',
        ...same(['"type": "boolean"']),
        sample: 'True',
        other: 'False',
        invalid: [
          { value: '"yes"', id: 'a-string' },
          { value: '1', id: 'a-number' },
        ],
      };
    case 'date':
      return {
        modelClass: 'DateField',
        modelArgs: optional,
        formClass: 'JSONDateField',
        ...same(['"type": "string"', '"format": "date"']),
        sample: '"2024-05-17"',
        other: '"2025-01-31"',
        invalid: [
          { value: '"2024-02-30"', id: 'no-such-day' },
          { value: '"17/05/2024"', id: 'not-iso' },
          { value: '20240517', id: 'a-number' },
        ],
      };
    case 'datetime':
      return {
        modelClass: 'DateTimeField',
        modelArgs: optional,
        formClass: 'JSONDateTimeField',
        ...same(['"type": "string"', '"format": "date-time"']),
        sample: '"2024-05-17T10:30:00+00:00"',
        other: '"2025-01-31T08:00:00+00:00"',
        invalid: [
          { value: '"2024-05-17T10:30:00"', id: 'no-offset' },
          { value: '"yesterday"', id: 'not-a-moment' },
          { value: '"0001-01-01T00:00:00+01:00"', id: 'before-year-1-in-utc' },
          { value: '"2024-02-30T10:30:00Z"', id: 'no-such-day' },
        ],
      };
  }
}

function describeField(field: Field): DjangoField {
  const code = { ...field, ...fieldCode(field) };
  return {
    ...code,
    migration: migrationField(code),
    nullAnswer: field.type === 'string' || field.type === 'text' ? '""' : 'None',
  };
}

/** `models.X(...)` as Django's migration writer serializes it: keywords sorted, validators spelled out. */
function migrationField(field: Pick<DjangoField, 'modelClass' | 'modelArgs'>): string {
  const args = field.modelArgs
    .map((arg) =>
      arg === 'validators=INTEGER_BOUNDS'
        ? `validators=[django.core.validators.MinValueValidator(${INTEGER_BOUNDS.min}), django.core.validators.MaxValueValidator(${INTEGER_BOUNDS.max})]`
        : arg,
    )
    .sort();
  return `models.${field.modelClass}(${args.join(', ')})`;
}

/** The order forms.py defines its JSON form fields in. */
const FORM_CLASS_ORDER = [
  'JSONCharField',
  'JSONIntegerField',
  'JSONDecimalField',
  'JSONBooleanField',
  'JSONNullBooleanField',
  'JSONDateField',
  'JSONDateTimeField',
];

/** The `import <app>.openapi` lines of accounts/openapi.py, with the new app's, sorted (ruff's isort). */
const OPENAPI_IMPORTS = /^(from django\.conf import settings\n)(\n(?:import [a-z][a-z0-9_]*\.openapi\n)+)?/m;

function openapiImports(text: string, r: Resource): string {
  const present = (OPENAPI_IMPORTS.exec(text)?.[2] ?? '').split('\n').filter(Boolean);
  const lines = [...new Set([...present, `import ${r.plural}.openapi`])].sort();
  return `$1\n${lines.join('\n')}\n`;
}

export const djangoResource: ResourceGenerator = {
  framework: 'django',
  reserved: DJANGO_RESERVED_NAMES,
  reservedFields: DJANGO_RESERVED_FIELDS,
  collectionPath: (r) => `/api/${r.kebabPlural}/`,
  existing: (r) => [r.plural],
  actions(r: Resource, _project, projectDir: string): ResourceAction[] {
    const fields = r.fields.map(describeField);
    const quoted = (names: string[]) => names.map((name) => `"${name}"`);
    const uses = (...types: FieldType[]) => fields.some((field) => types.includes(field.type));
    const firstString = fields.find((field) => field.type === 'string');
    const requiredNames = fields.filter((field) => field.required && field.type !== 'boolean').map((f) => f.name);
    const optional = fields.filter((field) => !field.required);
    const entry = (field: DjangoField, value: string) => `"${field.name}": ${value}`;
    const data = {
      r,
      props: fields.map((field) => ({
        ...field,
        modelLine: pyCall('    ', `${field.name} = models.${field.modelClass}`, field.modelArgs),
      })),
      appConfig: `${r.pluralPascal}Config`,
      verboseName: r.pluralWords.charAt(0).toUpperCase() + r.pluralWords.slice(1),
      sentenceName: r.words.charAt(0).toUpperCase() + r.words.slice(1),
      usesBounds: uses('integer'),
      usesDatetime: uses('datetime'),
      usesDate: uses('date'),
      usesDecimal: uses('decimal'),
      usesText: uses('text'),
      usesRe: uses('decimal', 'date', 'datetime'),
      formClasses: Object.fromEntries(
        FORM_CLASS_ORDER.map((name) => [name, fields.some((field) => field.formClass === name)]),
      ),
      // models.py: what a row reads as
      strLine: strLine(r, firstString),
      strTestName: firstString ? `its_${firstString.name}` : 'its_pk',
      strExpected: firstString ? `VALID["${firstString.name}"]` : `f"${r.pascal} {saved.pk}"`,
      // forms.py, api.py, urls.py
      fieldNames: pyLiteral('        ', 'fields = ', quoted(fields.map((field) => field.name)), '[]'),
      jsonImports: [
        ...(uses('date', 'datetime')
          ? [
              `from datetime import ${[uses('date') && 'date', uses('datetime') && 'datetime, timezone'].filter(Boolean).join(', ')}`,
            ]
          : []),
        ...(uses('decimal') ? ['from decimal import Decimal'] : []),
      ],
      updateForm: pyCall('    ', `form = ${r.pascal}Form`, ['{**current, **changes}', `instance=${r.name}`]),
      urlLines: [
        pyCall('    ', 'path', ['""', `api.${r.name}_list`, `name="api-${r.kebab}-list"`]) + ',',
        pyCall('    ', 'path', ['"<int:pk>/"', `api.${r.name}_detail`, `name="api-${r.kebab}-detail"`]) + ',',
      ],
      // openapi.py
      schemaLines: fields.map((field) => pyLiteral('            ', `"${field.name}": `, field.schema, '{}') + ','),
      inputLines: fields.map((field) => pyLiteral('    ', `"${field.name}": `, field.input, '{}') + ','),
      requiredLine:
        pyLiteral(
          '        ',
          '"required": ',
          quoted(['id', ...fields.map((field) => field.name), 'created_at', 'updated_at']),
          '[]',
        ) + ',',
      newRequiredLine: requiredNames.length
        ? pyLiteral('        ', '"required": ', quoted(requiredNames), '[]') + ','
        : '',
      // admin.py
      adminLines: [
        pyLiteral('    ', 'list_display = ', quoted([...fields.slice(0, 4).map((f) => f.name), 'updated_at']), '[]'),
        ...(uses('string')
          ? [
              pyLiteral(
                '    ',
                'search_fields = ',
                quoted(fields.filter((f) => f.type === 'string').map((f) => f.name)),
                '[]',
              ),
            ]
          : []),
        ...(uses('boolean', 'date', 'datetime')
          ? [
              pyLiteral(
                '    ',
                'list_filter = ',
                quoted(fields.filter((f) => ['boolean', 'date', 'datetime'].includes(f.type)).map((f) => f.name)),
                '[]',
              ),
            ]
          : []),
      ],
      adminPrefix: `${r.plural}_${r.pascal.toLowerCase()}`,
      // tests
      validBody: pyLiteral(
        '',
        'VALID = ',
        fields.map((field) => entry(field, field.sample)),
        '{}',
      ),
      invalidLines: fields.flatMap((field) =>
        field.invalid.map(
          (bad) => pyCall('    ', 'pytest.param', [`"${field.name}"`, bad.value, `id="${field.name}-${bad.id}"`]) + ',',
        ),
      ),
      requiredParametrize: requiredNames.length ? pyLiteral('', 'REQUIRED = ', quoted(requiredNames), '[]') : '',
      nullBody: optional.length
        ? pyLiteral(
            '    ',
            'nulls = ',
            optional.map((field) => entry(field, 'None')),
            '{}',
          )
        : '',
      nullAnswers: pyLiteral(
        '    ',
        'answered = ',
        optional.map((field) => entry(field, field.nullAnswer)),
        '{}',
      ),
      changesLine: pyLiteral('    ', 'changes = ', [entry(fields[0]!, fields[0]!.other)], '{}'),
      booleanDefaults: fields.filter((field) => field.type === 'boolean' && field.required).map((field) => field.name),
    };
    const { add, modify, append, before } = resourceActions('django', data);
    const app = r.plural;
    return [
      add(`${app}/__init__.py`, 'app/__init__.py.hbs'),
      add(`${app}/apps.py`, 'app/apps.py.hbs'),
      add(`${app}/models.py`, 'app/models.py.hbs'),
      add(`${app}/migrations/__init__.py`, 'app/migrations/__init__.py.hbs'),
      add(`${app}/migrations/0001_initial.py`, 'app/migrations/0001_initial.py.hbs'),
      add(`${app}/forms.py`, 'app/forms.py.hbs'),
      add(`${app}/api.py`, 'app/api.py.hbs'),
      add(`${app}/urls.py`, 'app/urls.py.hbs'),
      add(`${app}/openapi.py`, 'app/openapi.py.hbs'),
      add(`${app}/admin.py`, 'app/admin.py.hbs'),
      add(`${app}/tests/__init__.py`, 'app/tests/__init__.py.hbs'),
      add(`${app}/tests/samples.py`, 'app/tests/samples.py.hbs'),
      add(`${app}/tests/test_api.py`, 'app/tests/test_api.py.hbs'),
      add(`${app}/tests/test_models.py`, 'app/tests/test_models.py.hbs'),
      add(`${app}/tests/test_admin.py`, 'app/tests/test_admin.py.hbs'),
      // the app after accounts and the apps added before it
      append('config/settings/base.py', /^ {4}"accounts",(?:\n {4}"[a-z][a-z0-9_]*",)*$/m, `    "${app}",`),
      // its URLs after the API's own, under /api/<plural>/
      append(
        'config/urls.py',
        /^ {4}path\("api\/", include\("accounts\.api_urls"\)\),(?:\n {4}path\((?:\n {8})?"api\/[a-z0-9-]+\/",(?: |\n {8})include\("[a-z0-9_]+\.urls"\),?(?:\n {4})?\),)*$/m,
        pyCall('    ', 'path', [`"api/${r.kebabPlural}/"`, `include("${app}.urls")`]) + ',',
      ),
      // the OpenAPI document: the import (sorted), the paths before the document's own, the schemas
      modify('accounts/openapi.py', OPENAPI_IMPORTS, openapiImports(readText(projectDir, 'accounts/openapi.py'), r)),
      before('accounts/openapi.py', /^ {12}"\/api\/openapi\.json": \{$/m, 'registration/openapi-paths.py.hbs'),
      before('accounts/openapi.py', /^ {16}"Error": ERROR,$/m, 'registration/openapi-schemas.py.hbs'),
    ];
  },
};

/** `__str__`'s return: the first string field (or the pk when it is blank or there is none). */
function strLine(r: Resource, firstString: Field | undefined): string {
  const fallback = `f"${r.pascal} {self.pk}"`;
  if (!firstString) return `        return ${fallback}`;
  if (firstString.required) return `        return self.${firstString.name}`;
  const oneLine = `        return self.${firstString.name} or ${fallback}`;
  // ruff format parenthesizes a boolean expression too long for its line, one operand a line
  return oneLine.length <= 100
    ? oneLine
    : `        return (\n            self.${firstString.name}\n            or ${fallback}\n        )`;
}

function readText(projectDir: string, path: string): string {
  try {
    return readFileSync(join(projectDir, path), 'utf8');
  } catch {
    return '';
  }
}

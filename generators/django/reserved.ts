// Names a Django resource cannot take, beyond those every starter refuses
// (src/add/resource-model.ts): the resource's app is a top-level package named by its
// plural (so neither may shadow a module the project imports or an installed app's
// label), and its field names become attributes of a Django model.

const starter = {
  account: 'the starter’s accounts app',
  accounts: 'the starter’s accounts app',
  manager: 'accounts/managers.py',
  throttle: 'accounts/throttle.py',
  form: 'the forms modules',
  view: 'the views modules',
  url: 'the URLconfs (urls.py)',
  template: 'the templates/ folder',
  middleware: 'config/middleware.py',
  context_processor: 'config/context_processors.py',
  wsgi: 'config/wsgi.py',
  asgi: 'config/asgi.py',
  setting: 'config/settings/',
  conftest: 'the pytest conftest.py',
  manage: 'manage.py',
  staticfile: 'the staticfiles app and folder',
  migration: 'the migrations packages',
};

const installedApps = Object.fromEntries(
  [
    'contenttypes',
    'messages',
    'sessions',
    'staticfiles',
    'sites',
    'redirects',
    'flatpages',
    'humanize',
    'postgres',
  ].map((label) => [label, `the app label of django.contrib.${label}`]),
);

// Modules the project or its generated code imports, whose name a top-level app would shadow.
const modules = Object.fromEntries(
  [
    'django',
    'environ',
    'whitenoise',
    'gunicorn',
    'psycopg',
    'redis',
    'pytest',
    'jsonschema',
    'json',
    're',
    'datetime',
    'decimal',
    'collections',
    'codecs',
    'selectors',
    'secrets',
    'statistics',
    'warnings',
    'numbers',
    'types',
    'models',
    'forms',
    'views',
    'urls',
    'validators',
    'signals',
    'apps',
  ].map((name) => [name, 'a module the project imports']),
);

// Builtins the generated views and tests call, which a variable named after the resource would hide.
const builtins = Object.fromEntries(
  [
    'str',
    'int',
    'bool',
    'float',
    'list',
    'dict',
    'tuple',
    'len',
    'format',
    'isinstance',
    'super',
    'id',
    'range',
    'print',
    'input',
    'open',
    'property',
    'sorted',
    'min',
    'max',
  ].map((name) => [name, 'a Python builtin']),
);

export const DJANGO_RESERVED_NAMES: Readonly<Record<string, string>> = {
  ...starter,
  ...installedApps,
  ...modules,
  ...builtins,
};

/** Attributes every Django model (and its form) has, which a field of that name would replace. */
export const DJANGO_RESERVED_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'save',
    'asave',
    'clean',
    'clean_fields',
    'full_clean',
    'validate_unique',
    'validate_constraints',
    'refresh_from_db',
    'arefresh_from_db',
    'adelete',
    'from_db',
    'serializable_value',
    'get_deferred_fields',
    'get_constraints',
    'unique_error_message',
    'date_error_message',
    'prepare_database_save',
    'meta',
  ].map((name) => [name, 'an attribute of every Django model']),
);

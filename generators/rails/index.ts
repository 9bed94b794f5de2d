import type { FrameworkDefinition } from '../../src/framework.js';
import { cacheOption, databaseOption, libraryNames } from '../shared.js';

/**
 * Constants a generated app defines or loads. The project name becomes the app's module
 * (`my-app` → `MyApp`), so a name like `article` would reopen the Article model as a
 * module and the app would not boot.
 */
const TAKEN_CONSTANTS: Readonly<Record<string, readonly string[]>> = {
  'a constant of the generated app': [
    'ApiToken',
    'Application',
    'ApplicationController',
    'ApplicationJob',
    'ApplicationRecord',
    'Article',
    'ArticleSerializer',
    'CacheArticleJob',
    'EnvFile',
    'ErrorsController',
    'HealthController',
    'OpenapiConformance',
    'OpenapiController',
    'Pagination',
    'RequestBodyLimit',
    'Sluggable',
    'TokenAuthentication',
  ],
  'a Rails framework or library': [
    'AbstractController',
    'ActionController',
    'ActionDispatch',
    'ActionPack',
    'ActionView',
    'ActiveJob',
    'ActiveModel',
    'ActiveRecord',
    'ActiveSupport',
    'Arel',
    'Bootsnap',
    'Bundler',
    'Concurrent',
    'Gem',
    'I18n',
    'Mime',
    'Minitest',
    'Puma',
    'Rack',
    'Rake',
    'Redis',
    'RuboCop',
    'Thor',
    'Zeitwerk',
  ],
  'a Ruby core or standard library constant': [
    'Array',
    'Base64',
    'Benchmark',
    'Binding',
    'Class',
    'Comparable',
    'Complex',
    'Date',
    'Delegator',
    'Digest',
    'Dir',
    'Encoding',
    'Enumerable',
    'Enumerator',
    'Errno',
    'Etc',
    'Exception',
    'Fiber',
    'File',
    'Float',
    'Forwardable',
    'Hash',
    'Integer',
    'Interrupt',
    'Kernel',
    'Logger',
    'Marshal',
    'Math',
    'Method',
    'OpenSSL',
    'Module',
    'Monitor',
    'Mutex',
    'Numeric',
    'Object',
    'Pathname',
    'Proc',
    'Process',
    'Psych',
    'Queue',
    'Ractor',
    'Random',
    'Range',
    'Rational',
    'Set',
    'Signal',
    'Singleton',
    'Socket',
    'String',
    'Struct',
    'Symbol',
    'Tempfile',
    'Thread',
    'Time',
    'Timeout',
    'Warning',
    'Zlib',
  ],
};

/** `ActiveRecord` → `active_record`: the project (or resource) name whose module is that constant. */
function projectNameOf(constant: string): string {
  return constant.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toLowerCase();
}

/** The project (or resource) names that would define one of TAKEN_CONSTANTS, with what it is. */
export const TAKEN_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(TAKEN_CONSTANTS).flatMap(([what, constants]) =>
    constants.map((constant) => [projectNameOf(constant), `${constant}, ${what}`]),
  ),
);

export const rails: FrameworkDefinition = {
  id: 'rails',
  label: 'Rails',
  summary:
    'API-only Rails 7.2/8 app: versioned JSON resource with slug URLs, token-authenticated and rate-limited writes, pagination, CORS, an Active Job, an OpenAPI document and RuboCop',
  language: 'Ruby',
  options: [
    databaseOption('Database (Active Record)', {
      sqlite: 'a file under db/, nothing to run',
      postgres: 'reads DATABASE_URL; compose.yaml runs one',
    }),
    cacheOption('Cache store (Rails.cache) for rendered articles', {
      memory: ':memory_store, per process',
      redis: ':redis_cache_store, reads REDIS_URL',
    }),
  ],
  reservedNames: {
    ...libraryNames('gem', ['rails', 'rack', 'puma']),
    test: "Ruby's Test namespace (minitest, test-unit)",
    ...TAKEN_NAMES,
  },
  secrets: { secretKeyBase: { bytes: 64, encoding: 'hex' } },
  toolchain: [
    { name: 'Ruby 3.2+', check: ['ruby', '--version'] },
    { name: 'Bundler', check: ['bundle', '--version'] },
  ],
  commands: {
    install: [{ argv: ['bundle', 'install'] }],
    setup: [{ argv: ['bin/rails', 'db:prepare'] }],
    test: [{ argv: ['bin/rails', 'test'] }],
    // RuboCop with rubocop-rails and rubocop-performance (.rubocop.yml, omakase style);
    // test/property adds ruby -wc on every file of every option combination.
    lint: [{ argv: ['bin/rubocop'] }],
    start: { argv: ['bin/rails', 'server', '-b', '127.0.0.1', '-p', '{port}'] },
    readyPath: '/up',
    defaultPort: 3000,
  },
  // No RubyGems on CI: resolve against the gems Debian forky installed (ruby-rails 7.2,
  // ruby-sqlite3, puma, ruby-rack-cors, bootsnap, rubocop, ruby-rubocop-rails,
  // ruby-rubocop-performance, ruby-debug, and ruby-pg / ruby-redis for postgres / redis).
  smokeInstall: [{ argv: ['bundle', 'install', '--local'] }],
  actions: () => [{ type: 'renderTree', templates: 'rails' }],
};

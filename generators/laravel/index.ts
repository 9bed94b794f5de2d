import type { FrameworkDefinition } from '../../src/framework.js';
import { cacheOption, databaseOption, overlay } from '../shared.js';

// The generated app uses Laravel's kernel-class structure (app/Http/Kernel.php,
// app/Console/Kernel.php, app/Exceptions/Handler.php), which Laravel 8 through 12 all
// run, so it works on Debian's Laravel 8.83 offline and on current releases via Composer.
// The options only change `.env`, phpunit.xml, the container and CI files (`.hbs`
// conditionals) plus the tests under `templates/laravel/_overlays/<name>/`.

export const laravel: FrameworkDefinition = {
  id: 'laravel',
  label: 'Laravel',
  summary: 'Queued jobs on the database queue (retries, failed jobs, queued mail), Blade dashboard, JSON API, PHPUnit',
  language: 'PHP',
  options: [
    databaseOption('Which database (also holds the jobs of the database queue, failed jobs and batches)?', {
      sqlite: 'database/database.sqlite, no server',
      postgres: 'DATABASE_URL',
    }),
    cacheOption('Which cache store (rate limiting counters, Cache::)?', {
      memoryLabel: 'Local files',
      memory: 'storage/framework/cache, per server',
      redis: 'REDIS_URL, shared by every server',
    }),
    {
      kind: 'choice',
      name: 'queue',
      message: 'Which queue connection for the jobs?',
      choices: [
        { value: 'database', label: 'Database', hint: 'the jobs table, run by queue:work' },
        { value: 'redis', label: 'Redis', hint: 'REDIS_URL, run by queue:work', services: ['redis'] },
        { value: 'sync', label: 'Sync', hint: 'jobs run inside the request, no worker' },
      ],
      default: 'database',
    },
  ],
  reservedNames: { laravel: 'the laravel framework', illuminate: 'the illuminate packages' },
  secrets: { appKey: { bytes: 32, encoding: 'base64', prefix: 'base64:' } },
  toolchain: [
    { name: 'PHP 8.1+', check: ['php', '--version'] },
    { name: 'Composer', check: ['composer', '--version'] },
  ],
  commands: {
    install: [{ argv: ['composer', 'install'] }],
    test: [{ argv: ['vendor/bin/phpunit'] }],
    // php -l on every file: test/property (no PHP linter from Debian beyond the syntax check)
    lint: [],
    // `composer install` creates database/database.sqlite (a post-autoload-dump script).
    setup: [{ argv: ['php', 'artisan', 'migrate', '--force'] }],
    start: { argv: ['php', 'artisan', 'serve', '--host=127.0.0.1', '--port={port}'] },
    readyPath: '/',
    defaultPort: 8000,
  },
  // No Packagist on CI: run on Debian's php-laravel-framework and phpunit instead.
  smokeInstall: [{ argv: ['php', '{harness}/laravel/write-autoload.php'] }],
  actions: () => [
    { type: 'renderTree', templates: 'laravel' },
    overlay('laravel', 'postgres', (options) => options.db === 'postgres', 'the database is SQLite'),
    overlay('laravel', 'redis-cache', (options) => options.cache === 'redis', 'the cache is not Redis'),
    overlay('laravel', 'redis-queue', (options) => options.queue === 'redis', 'the queue is not Redis'),
  ],
};

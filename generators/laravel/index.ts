import type { FrameworkDefinition } from '../../src/framework.js';
import { cacheOption, databaseOption, overlay } from '../shared.js';

// The generated app has the layout `laravel new` makes for Laravel 13: bootstrap/app.php
// configures routing, middleware and exceptions, bootstrap/providers.php lists the one
// provider, routes/console.php holds the commands and the schedule; no kernel classes.
// CI runs it on Debian's php-laravel-framework 13 (offline, through the autoload shim);
// users get the same release from Packagist. The options only change `.env`,
// phpunit.xml, the container and CI files (`.hbs` conditionals) plus the tests under
// `templates/laravel/_overlays/<name>/`.

export const laravel: FrameworkDefinition = {
  id: 'laravel',
  label: 'Laravel',
  summary:
    'Laravel 13: queued jobs (unique, after commit, throttled retries, failed jobs, batches, mail, scheduled pruning), session log-in, Blade dashboard, token API with OpenAPI',
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
    { name: 'PHP 8.3+', check: ['php', '--version'] },
    { name: 'Composer', check: ['composer', '--version'] },
  ],
  commands: {
    install: [{ argv: ['composer', 'install'] }],
    test: [{ argv: ['vendor/bin/phpunit'] }],
    // `composer validate`, then `composer lint`: php -l over every PHP file (Pint,
    // Laravel's formatter, is not packaged in Debian, so CI could not run it offline).
    // Composer refuses to run scripts as root without this variable; CI runs as root.
    lint: [
      { argv: ['composer', 'validate', '--no-check-publish'], env: { COMPOSER_ALLOW_SUPERUSER: '1' } },
      { argv: ['composer', 'lint'], env: { COMPOSER_ALLOW_SUPERUSER: '1' } },
    ],
    // `composer install` creates database/database.sqlite (a post-autoload-dump script).
    setup: [{ argv: ['php', 'artisan', 'migrate', '--force'] }],
    start: { argv: ['php', 'artisan', 'serve', '--host=127.0.0.1', '--port={port}'] },
    readyPath: '/up',
    defaultPort: 8000,
  },
  // No Packagist on CI: run on Debian's php-laravel-framework 13 and phpunit 13 instead.
  smokeInstall: [{ argv: ['php', '{harness}/laravel/write-autoload.php'] }],
  actions: () => [
    { type: 'renderTree', templates: 'laravel' },
    overlay('laravel', 'postgres', (options) => options.db === 'postgres', 'the database is SQLite'),
    overlay('laravel', 'redis-cache', (options) => options.cache === 'redis', 'the cache is not Redis'),
    overlay('laravel', 'redis-queue', (options) => options.queue === 'redis', 'the queue is not Redis'),
  ],
};

import type { FrameworkDefinition, OptionValues, RenderTreeAction } from '../../src/framework.js';

// The generated app uses Laravel's kernel-class structure (app/Http/Kernel.php,
// app/Console/Kernel.php, app/Exceptions/Handler.php), which Laravel 8 through 12 all
// run, so it works on Debian's Laravel 8.83 offline and on current releases via Composer.
// The options only change `.env`, phpunit.xml, the container and CI files (`.hbs`
// conditionals) plus the tests under `templates/laravel/_overlays/<name>/`.

function overlay(name: string, isOn: (options: OptionValues) => boolean, whyOff: string): RenderTreeAction {
  return { type: 'renderTree', templates: `laravel/_overlays/${name}`, skip: (data) => (isOn(data.options) ? false : whyOff) };
}

export const laravel: FrameworkDefinition = {
  id: 'laravel',
  label: 'Laravel',
  summary: 'Queued jobs on the database queue (retries, failed jobs, queued mail), Blade dashboard, JSON API, PHPUnit',
  language: 'PHP',
  available: true,
  options: [
    {
      kind: 'choice',
      name: 'db',
      message: 'Which database (also holds the jobs of the database queue, failed jobs and batches)?',
      choices: [
        { value: 'sqlite', label: 'SQLite', hint: 'database/database.sqlite, no server' },
        { value: 'postgres', label: 'PostgreSQL', hint: 'DATABASE_URL', services: ['postgres'] },
      ],
      default: 'sqlite',
    },
    {
      kind: 'choice',
      name: 'cache',
      message: 'Which cache store (rate limiting counters, Cache::)?',
      choices: [
        { value: 'memory', label: 'Local files', hint: 'storage/framework/cache, per server' },
        { value: 'redis', label: 'Redis', hint: 'REDIS_URL, shared by every server', services: ['redis'] },
      ],
      default: 'memory',
    },
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
  toolchain: [
    { name: 'PHP 8.1+', check: ['php', '--version'] },
    { name: 'Composer', check: ['composer', '--version'] },
  ],
  commands: {
    install: [{ argv: ['composer', 'install'] }],
    test: [{ argv: ['vendor/bin/phpunit'] }],
    // `composer install` creates database/database.sqlite (a post-autoload-dump script).
    setup: [{ argv: ['php', 'artisan', 'migrate', '--force'] }],
    start: { argv: ['php', 'artisan', 'serve', '--host=127.0.0.1', '--port={port}'] },
    readyPath: '/',
  },
  // No Packagist on CI: run on Debian's php-laravel-framework and phpunit instead.
  smokeInstall: [{ argv: ['php', '{harness}/laravel/write-autoload.php'] }],
  actions: () => [
    { type: 'renderTree', templates: 'laravel' },
    overlay('postgres', (options) => options.db === 'postgres', 'the database is SQLite'),
    overlay('redis-cache', (options) => options.cache === 'redis', 'the cache is not Redis'),
    overlay('redis-queue', (options) => options.queue === 'redis', 'the queue is not Redis'),
  ],
};

import type { FrameworkDefinition } from '../../src/framework.js';

// The generated app uses Laravel's kernel-class structure (app/Http/Kernel.php,
// app/Console/Kernel.php, app/Exceptions/Handler.php), which Laravel 8 through 12 all
// run, so it works on Debian's Laravel 8.83 offline and on current releases via Composer.
export const laravel: FrameworkDefinition = {
  id: 'laravel',
  label: 'Laravel',
  summary: 'Queued jobs on the database queue (retries, failed jobs, queued mail), Blade dashboard, JSON API, PHPUnit',
  language: 'PHP',
  available: true,
  options: [],
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
  actions: () => [{ type: 'renderTree', templates: 'laravel' }],
};

<?php
/*
 * Offline stand-in for `composer install` (no Packagist on CI): run inside a
 * generated Laravel project, it writes vendor/autoload.php so the project runs on
 * the Debian packages of the root it runs in — php-laravel-framework (Laravel 13.31 in
 * forky; its autoloader also loads Symfony, Carbon, Monolog… and, when installed,
 * PHPUnit 13 and Mockery), php-faker, php-mockery, phpunit — plus a PSR-4 loader for
 * the project's own namespaces read from its composer.json, and vendor/bin/phpunit so
 * the definition's test command is the same one users run. Like the project's
 * post-autoload-dump script, it creates the empty SQLite database file. Packages
 * Debian does not have (laravel/tinker) are simply absent: nothing but `artisan
 * tinker` needs them. The project itself stays an ordinary Composer project.
 *
 * Usage: php write-autoload.php [project-dir]   (default: the current directory)
 */

// Faker first: Laravel's helpers define fake() only when Faker's classes load, and
// Debian's Illuminate autoloader looks for Faker under a path php-faker does not use.
const DEBIAN_AUTOLOADERS = [
    'Faker/autoload.php' => 'php-faker',
    'Illuminate/autoload.php' => 'php-laravel-framework',
    'PHPUnit/Autoload.php' => 'phpunit',
    'Mockery/autoload.php' => 'php-mockery',
    'Composer/Autoload/ClassLoader.php' => 'composer',
];
const DEBIAN_PHPUNIT = '/usr/bin/phpunit';

function fail(string $message): void
{
    fwrite(STDERR, "write-autoload: {$message}\n");
    exit(1);
}

$project = realpath($argv[1] ?? getcwd()) ?: fail('no such directory: '.($argv[1] ?? getcwd()));
$composer = json_decode((string) @file_get_contents("{$project}/composer.json"), true)
    ?? fail("no readable composer.json in {$project}");

foreach (DEBIAN_AUTOLOADERS as $file => $package) {
    if (stream_resolve_include_path($file) === false) {
        fail("{$file} is not on PHP's include path; install the Debian package {$package}");
    }
}
is_executable(DEBIAN_PHPUNIT) || fail(DEBIAN_PHPUNIT.' is missing; install the Debian package phpunit');

// Namespace prefix => directories relative to the project, from autoload and autoload-dev.
$namespaces = [];
foreach ([$composer['autoload'] ?? [], $composer['autoload-dev'] ?? []] as $section) {
    foreach ($section['psr-4'] ?? [] as $prefix => $dirs) {
        foreach ((array) $dirs as $dir) {
            $namespaces[$prefix][] = rtrim($dir, '/');
        }
    }
}
$namespaces !== [] || fail('composer.json declares no PSR-4 namespace');

$requires = implode("\n", array_map(
    fn (string $file) => 'require_once '.var_export($file, true).';',
    array_keys(DEBIAN_AUTOLOADERS)
));
$map = var_export($namespaces, true);

$autoload = <<<PHP
<?php
// Written by create-backend's smoke harness (test/smoke/laravel/write-autoload.php):
// Debian's Laravel, PHPUnit, Faker and Mockery instead of Composer's vendor/, and
// Composer's own ClassLoader (from Debian's composer) for the project's namespaces,
// registered for this vendor/ folder as `composer install` would: Laravel finds the
// project's base path through it. `composer install` replaces this file.

{$requires}

\$loader = new Composer\\Autoload\\ClassLoader(__DIR__);
foreach ({$map} as \$prefix => \$dirs) {
    \$loader->addPsr4(\$prefix, array_map(static fn (string \$dir) => dirname(__DIR__).'/'.\$dir, \$dirs));
}
\$loader->register(true);

return \$loader;

PHP;

$phpunit = <<<'SH'
#!/bin/sh
# Written by create-backend's smoke harness: Debian's PHPUnit, loading the project's
# vendor/autoload.php through phpunit.xml's bootstrap. `composer install` replaces it.
exec /usr/bin/phpunit "$@"

SH;

@mkdir("{$project}/vendor/bin", 0777, true);
file_put_contents("{$project}/vendor/autoload.php", $autoload) !== false || fail('cannot write vendor/autoload.php');
file_put_contents("{$project}/vendor/bin/phpunit", $phpunit) !== false || fail('cannot write vendor/bin/phpunit');
chmod("{$project}/vendor/bin/phpunit", 0755);

// composer.json's post-autoload-dump script does this on `composer install`.
$database = "{$project}/database/database.sqlite";
file_exists($database) || touch($database) || fail('cannot create database/database.sqlite');

echo "write-autoload: vendor/autoload.php and vendor/bin/phpunit written for Debian's Laravel and PHPUnit\n";

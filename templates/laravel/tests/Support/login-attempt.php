<?php

/*
 * One log-in attempt with a wrong password, in a process of its own, against the
 * database and file cache in the folder given (LoginBurstTest starts many at once).
 * The app boots first, then the attempt waits for <start> (a Unix time with
 * microseconds), so that every process sends it at the same moment. Appends a line
 * to <folder>/checked whenever a password is actually checked, and prints the
 * answer's status.
 *
 * Usage: php tests/Support/login-attempt.php <folder> <email> <start>
 */

use Illuminate\Auth\Events\Attempting;
use Illuminate\Contracts\Http\Kernel;
use Illuminate\Foundation\Application;
use Illuminate\Foundation\Bootstrap\LoadConfiguration;
use Illuminate\Http\Request;

[, $folder, $email, $start] = $argv;

require __DIR__.'/../../vendor/autoload.php';

/** @var Application $app */
$app = require __DIR__.'/../../bootstrap/app.php';

$app->afterBootstrapping(LoadConfiguration::class, function (Application $app) use ($folder) {
    $app['config']->set([
        'database.default' => 'sqlite',
        'database.connections.sqlite.database' => "{$folder}/database.sqlite",
        'database.connections.sqlite.url' => null,
        'cache.default' => 'file',
        'cache.stores.file.path' => "{$folder}/cache",
        'cache.stores.file.lock_path' => "{$folder}/cache",
        'session.driver' => 'array',
    ]);
});

$app['events']->listen(Attempting::class, function () use ($folder) {
    file_put_contents("{$folder}/checked", "checked\n", FILE_APPEND | LOCK_EX);
});

$kernel = $app->make(Kernel::class);
$kernel->bootstrap();
if ((float) $start > microtime(true)) {
    time_sleep_until((float) $start);
}

$response = $kernel->handle(
    Request::create('/login', 'POST', ['email' => $email, 'password' => 'a wrong guess'], server: ['REMOTE_ADDR' => '203.0.113.9'])
);

echo $response->getStatusCode();

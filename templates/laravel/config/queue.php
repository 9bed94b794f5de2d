<?php

return [

    /*
    | The default queue connection. "database" keeps jobs in the jobs table of
    | the application's own database (SQLite here), so a worker needs nothing
    | else: `php artisan queue:work`. "sync" runs jobs inside the request (the
    | tests use it); "redis" scales further.
    */
    'default' => env('QUEUE_CONNECTION', 'database'),

    'connections' => [

        'sync' => [
            'driver' => 'sync',
        ],

        'database' => [
            'driver' => 'database',
            'table' => 'jobs',
            'queue' => 'default',
            // A reserved job whose worker died is handed out again after this many seconds;
            // keep it longer than the longest job's $timeout.
            'retry_after' => 90,
            'after_commit' => false,
        ],

        'redis' => [
            'driver' => 'redis',
            'connection' => 'default',
            'queue' => env('REDIS_QUEUE', 'default'),
            'retry_after' => 90,
            'block_for' => null,
            'after_commit' => false,
        ],

    ],

    /*
    | Job batches (Bus::batch) are tracked in this table.
    */
    'batching' => [
        'database' => env('DB_CONNECTION', 'sqlite'),
        'table' => 'job_batches',
    ],

    /*
    | Jobs that used up their tries land here: `php artisan queue:failed` lists
    | them, `queue:retry` puts them back on the queue, `queue:forget` drops one.
    */
    'failed' => [
        'driver' => env('QUEUE_FAILED_DRIVER', 'database-uuids'),
        'database' => env('DB_CONNECTION', 'sqlite'),
        'table' => 'failed_jobs',
    ],

];

<?php

return [

    'default' => env('FILESYSTEM_DRIVER', env('FILESYSTEM_DISK', 'local')),

    /*
    | "local" is private (storage/app); "public" is served from /storage after
    | `php artisan storage:link`.
    */
    'disks' => [

        'local' => [
            'driver' => 'local',
            'root' => storage_path('app'),
        ],

        'public' => [
            'driver' => 'local',
            'root' => storage_path('app/public'),
            'url' => env('APP_URL').'/storage',
            'visibility' => 'public',
        ],

    ],

    'links' => [
        public_path('storage') => storage_path('app/public'),
    ],

];

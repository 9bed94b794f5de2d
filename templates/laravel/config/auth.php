<?php

/*
| Only what this app adds to Laravel's config/auth.php (the rest is the framework's
| default, merged in): the "api" guard for /api. The "web" guard (sessions) is
| Laravel's default.
*/
return [

    'guards' => [
        // Laravel's token guard: `Authorization: Bearer <token>`, checked against the
        // SHA-256 hash in users.api_token (`php artisan users:token` issues one).
        // Laravel Sanctum replaces it when you need several tokens per user or
        // abilities: composer require laravel/sanctum, then auth:sanctum on the routes.
        'api' => [
            'driver' => 'token',
            'provider' => 'users',
            'hash' => true,
        ],
    ],

];

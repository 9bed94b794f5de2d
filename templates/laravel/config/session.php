<?php

use Illuminate\Support\Str;

return [

    /*
    | Where sessions are kept: "file" (storage/framework/sessions), "cookie",
    | "database", "redis" or "array" (tests).
    */
    'driver' => env('SESSION_DRIVER', 'file'),

    'lifetime' => env('SESSION_LIFETIME', 120),

    'expire_on_close' => false,

    'encrypt' => false,

    'files' => storage_path('framework/sessions'),

    'connection' => env('SESSION_CONNECTION'),

    'table' => 'sessions',

    'store' => env('SESSION_STORE'),

    'lottery' => [2, 100],

    'cookie' => env(
        'SESSION_COOKIE',
        Str::slug(env('APP_NAME', 'laravel'), '_').'_session'
    ),

    'path' => '/',

    'domain' => env('SESSION_DOMAIN'),

    /*
    | Send the cookie over HTTPS only. Unset (null): Secure exactly when the request
    | came over HTTPS (App\Http\Middleware\SecureCookiesOverHttps); true/false forces it.
    */
    'secure' => env('SESSION_SECURE_COOKIE'),

    'http_only' => true,

    'same_site' => 'lax',

];

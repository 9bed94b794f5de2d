<?php

return [

    /*
    | The guard and password broker used when none is named.
    */
    'defaults' => [
        'guard' => 'web',
        'passwords' => 'users',
    ],

    /*
    | Guards: "web" keeps the signed-in user in the session. Add a token guard
    | (e.g. Laravel Sanctum) to protect the JSON API.
    */
    'guards' => [
        'web' => [
            'driver' => 'session',
            'provider' => 'users',
        ],
    ],

    /*
    | Where users come from: the App\Models\User Eloquent model.
    */
    'providers' => [
        'users' => [
            'driver' => 'eloquent',
            'model' => App\Models\User::class,
        ],
    ],

    /*
    | Password reset tokens: stored in password_resets, valid for 60 minutes,
    | at most one new token per minute.
    */
    'passwords' => [
        'users' => [
            'provider' => 'users',
            'table' => 'password_resets',
            'expire' => 60,
            'throttle' => 60,
        ],
    ],

    /*
    | Seconds before `password.confirm` asks for the password again.
    */
    'password_timeout' => 10800,

];

<?php

return [

    /*
    | How passwords are hashed: "bcrypt", "argon" or "argon2id".
    */
    'driver' => 'bcrypt',

    'bcrypt' => [
        'rounds' => env('BCRYPT_ROUNDS', 10),
    ],

    'argon' => [
        'memory' => 65536,
        'threads' => 1,
        'time' => 4,
    ],

];

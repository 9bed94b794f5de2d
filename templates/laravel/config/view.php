<?php

return [

    /*
    | Where Blade looks for views.
    */
    'paths' => [
        resource_path('views'),
    ],

    /*
    | Where compiled Blade templates are cached.
    */
    'compiled' => env(
        'VIEW_COMPILED_PATH',
        realpath(storage_path('framework/views'))
    ),

];

<?php

namespace App\Http\Middleware;

use Illuminate\Cookie\Middleware\EncryptCookies as Middleware;

class EncryptCookies extends Middleware
{
    /**
     * Cookies that are sent and read unencrypted.
     *
     * @var array<int, string>
     */
    protected $except = [
        //
    ];
}

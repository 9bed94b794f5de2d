<?php

namespace App\Http\Middleware;

use Illuminate\Foundation\Http\Middleware\VerifyCsrfToken as Middleware;

class VerifyCsrfToken extends Middleware
{
    /**
     * Paths excluded from CSRF checks (the JSON API lives under the "api" group,
     * which has no session and so needs no entry here).
     *
     * @var array<int, string>
     */
    protected $except = [
        //
    ];
}

<?php

namespace App\Http\Middleware;

use Illuminate\Foundation\Http\Middleware\PreventRequestsDuringMaintenance as Middleware;

class PreventRequestsDuringMaintenance extends Middleware
{
    /**
     * Paths that stay reachable during `php artisan down`.
     *
     * @var array<int, string>
     */
    protected $except = [
        //
    ];
}

<?php

namespace App\Http\Middleware;

use Illuminate\Auth\Middleware\Authenticate as Middleware;
use Illuminate\Support\Facades\Route;

class Authenticate extends Middleware
{
    /**
     * Where to send a guest who asks for a protected page (JSON clients get a 401 instead).
     *
     * @param  \Illuminate\Http\Request  $request
     */
    protected function redirectTo($request): ?string
    {
        if ($request->expectsJson() || ! Route::has('login')) {
            return null;
        }

        return route('login');
    }
}

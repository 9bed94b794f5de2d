<?php

namespace App\Providers;

use Illuminate\Support\ServiceProvider;

class AppServiceProvider extends ServiceProvider
{
    /**
     * Bind the application's own services into the container.
     */
    public function register(): void
    {
        //
    }

    /**
     * Configure services once every provider is registered.
     */
    public function boot(): void
    {
        //
    }
}

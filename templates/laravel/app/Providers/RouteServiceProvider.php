<?php

namespace App\Providers;

use Illuminate\Cache\RateLimiting\Limit;
use Illuminate\Foundation\Support\Providers\RouteServiceProvider as ServiceProvider;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\RateLimiter;
use Illuminate\Support\Facades\Route;

class RouteServiceProvider extends ServiceProvider
{
    /**
     * Where signed-in users land.
     *
     * @var string
     */
    public const HOME = '/';

    /**
     * Documents one client may submit through the API in a minute.
     *
     * @var int
     */
    public const SUBMISSIONS_PER_MINUTE = 10;

    /**
     * Load the route files and define the rate limiters they use.
     */
    public function boot(): void
    {
        RateLimiter::for('api', function (Request $request) {
            return Limit::perMinute(60)->by($request->user()?->id ?: $request->ip());
        });

        // POST /api/documents: each submission queues a job, so fewer of them.
        RateLimiter::for('submissions', function (Request $request) {
            return Limit::perMinute(self::SUBMISSIONS_PER_MINUTE)->by($request->user()?->id ?: $request->ip());
        });

        $this->routes(function () {
            Route::middleware('api')
                ->prefix('api')
                ->group(base_path('routes/api.php'));

            Route::middleware('web')
                ->group(base_path('routes/web.php'));
        });
    }
}

<?php

namespace App\Providers;

use App\Models\User;
use Illuminate\Cache\RateLimiting\Limit;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Gate;
use Illuminate\Support\Facades\RateLimiter;
use Illuminate\Support\ServiceProvider;

class AppServiceProvider extends ServiceProvider
{
    /**
     * Documents one user (or, signed out, one address) may submit in a minute,
     * through the form and the API together: each one queues a job.
     */
    public const SUBMISSIONS_PER_MINUTE = 10;

    /**
     * Requests a minute under /api for one token (or one address without one).
     */
    public const API_REQUESTS_PER_MINUTE = 60;

    /**
     * Register any application services.
     */
    public function register(): void
    {
        //
    }

    /**
     * Bootstrap any application services.
     */
    public function boot(): void
    {
        // Outside production, loading a relation in a loop without eager loading is
        // an error instead of a silent query per row.
        Model::preventLazyLoading(! $this->app->isProduction());

        RateLimiter::for('api', function (Request $request) {
            return Limit::perMinute(self::API_REQUESTS_PER_MINUTE)->by($request->user()?->id ?: $request->ip());
        });

        RateLimiter::for('submissions', function (Request $request) {
            return Limit::perMinute(self::SUBMISSIONS_PER_MINUTE)->by('submissions:'.($request->user()?->id ?: $request->ip()));
        });

        // The queue panel (waiting jobs, failed jobs with their errors, batches)
        // is for the people who run the app, not for every user.
        Gate::define('viewQueue', fn (User $user) => $user->is_admin);
    }
}

<?php

use App\Http\Middleware\SecureCookiesOverHttps;
use App\Http\Middleware\SecurityHeaders;
use Illuminate\Foundation\Application;
use Illuminate\Foundation\Configuration\Exceptions;
use Illuminate\Foundation\Configuration\Middleware;
use Illuminate\Http\Request;

return Application::configure(basePath: dirname(__DIR__))
    ->withRouting(
        web: __DIR__.'/../routes/web.php',
        api: __DIR__.'/../routes/api.php',
        commands: __DIR__.'/../routes/console.php',
        health: '/up',
    )
    ->withMiddleware(function (Middleware $middleware): void {
        // Every answer, error pages included, gets the security headers; the session
        // and XSRF cookies are Secure when the request came over HTTPS. Both run after
        // TrustProxies, which believes X-Forwarded-* only from TRUSTED_PROXIES
        // (config/trustedproxy.php).
        $middleware->append([SecurityHeaders::class, SecureCookiesOverHttps::class]);

        // Pages behind `auth` send guests to the log-in form; `guest` pages (the
        // form itself) send signed-in users to the dashboard.
        $middleware->redirectGuestsTo(fn (Request $request) => route('login'));
        $middleware->redirectUsersTo(fn (Request $request) => route('dashboard'));

        // The api group's own limit (AppServiceProvider defines "api").
        $middleware->throttleApi();
    })
    ->withExceptions(function (Exceptions $exceptions): void {
        // Under /api every error is JSON, whatever the client's Accept header says.
        $exceptions->shouldRenderJsonWhen(
            fn (Request $request, Throwable $e) => $request->is('api/*') || $request->expectsJson()
        );
    })->create();

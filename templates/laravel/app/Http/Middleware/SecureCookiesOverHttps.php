<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;

/**
 * With SESSION_SECURE_COOKIE unset, the session and XSRF-TOKEN cookies are marked
 * Secure exactly when the request came over HTTPS: a browser never sends them back
 * over plain HTTP, and `php artisan serve` on http://127.0.0.1 still works. Runs after
 * TrustProxies, so HTTPS ended at a trusted proxy (X-Forwarded-Proto) counts.
 */
class SecureCookiesOverHttps
{
    public function handle(Request $request, Closure $next)
    {
        if (config('session.secure') !== null) {
            return $next($request);
        }

        // For this request only: a long-running server (Octane) keeps its config.
        config(['session.secure' => $request->isSecure()]);
        try {
            return $next($request);
        } finally {
            config(['session.secure' => null]);
        }
    }
}

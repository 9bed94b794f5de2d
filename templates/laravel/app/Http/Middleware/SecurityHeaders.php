<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Symfony\Component\HttpFoundation\Response;

/**
 * Headers every response gets, error pages and JSON included: no MIME sniffing, no
 * framing by other sites, a referrer without paths for other origins, and HSTS once
 * the request came over HTTPS (directly, or through a proxy TrustProxies trusts).
 */
class SecurityHeaders
{
    /** One year: browsers refuse plain HTTP for this host during that time. */
    private const HSTS_MAX_AGE = 31536000;

    public function handle(Request $request, Closure $next): Response
    {
        /** @var Response $response */
        $response = $next($request);

        $response->headers->set('X-Content-Type-Options', 'nosniff');
        $response->headers->set('X-Frame-Options', 'DENY');
        $response->headers->set('Referrer-Policy', 'strict-origin-when-cross-origin');

        if ($request->isSecure()) {
            $response->headers->set('Strict-Transport-Security', 'max-age='.self::HSTS_MAX_AGE.'; includeSubDomains');
        }

        return $response;
    }
}

<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use Symfony\Component\HttpFoundation\Response;

/**
 * Headers every response gets, error pages and JSON included: no MIME sniffing, no
 * framing by other sites, a referrer without paths for other origins, a Content
 * Security Policy that lets pages load only this site's own resources (the Blade
 * layout's inline styles aside: no inline or foreign script runs), and HSTS once
 * the request came over HTTPS (directly, or through a proxy TrustProxies trusts).
 */
class SecurityHeaders
{
    /** One year: browsers refuse plain HTTP for this host during that time. */
    private const HSTS_MAX_AGE = 31536000;

    private const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        ."img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public function handle(Request $request, Closure $next): Response
    {
        /** @var Response $response */
        $response = $next($request);

        $response->headers->set('X-Content-Type-Options', 'nosniff');
        $response->headers->set('X-Frame-Options', 'DENY');
        $response->headers->set('Referrer-Policy', 'strict-origin-when-cross-origin');
        if (! $response->headers->has('Content-Security-Policy')) {
            $response->headers->set('Content-Security-Policy', self::CONTENT_SECURITY_POLICY);
        }

        if ($request->isSecure()) {
            $response->headers->set('Strict-Transport-Security', 'max-age='.self::HSTS_MAX_AGE.'; includeSubDomains');
        }

        return $response;
    }
}

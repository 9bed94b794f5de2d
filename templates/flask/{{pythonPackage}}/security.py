"""HTTP hardening for every response: security headers, and trust in the reverse proxy.

The Content-Security-Policy allows only this site's own styles, images and forms, and
no scripts: the templates use no inline styles or scripts, so they satisfy it. Add a
source here when a page needs one (e.g. a CDN) rather than turning the policy off.
"""

from flask import Flask, Response, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    hsts_seconds = current_app.config["HSTS_SECONDS"]
    # Browsers ignore HSTS over plain HTTP; send it only on HTTPS requests.
    if request.is_secure and hsts_seconds:
        response.headers.setdefault(
            "Strict-Transport-Security", f"max-age={hsts_seconds}; includeSubDomains"
        )
    return response


def init_app(app: Flask) -> None:
    proxies = app.config["TRUSTED_PROXY_COUNT"]
    if proxies:
        # Take the scheme, host and client address from the X-Forwarded-* headers that
        # this many proxies in front of the app set; never trust them without a proxy.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    app.after_request(add_security_headers)

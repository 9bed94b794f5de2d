"""HTTP hardening for every response: security headers, trust in the reverse proxy, and
clean 413 answers to oversized bodies.

The Content-Security-Policy allows only this site's own styles, images and forms, and
no scripts: the templates use no inline styles or scripts, so they satisfy it. Add a
source here when a page needs one (e.g. a CDN) rather than turning the policy off.
"""

from collections.abc import Iterable
from typing import Any

from flask import Flask, Response, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

# Oversized bodies up to this size are read and thrown away before the 413 (see below);
# a client sending more has its connection closed while it sends.
DRAIN_AT_MOST = 32 * 1024 * 1024

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


class DrainOversizedBodies:
    """Flask answers 413 to a body over MAX_CONTENT_LENGTH without reading it, and the
    server then closes the connection. A client still sending that body sees a broken
    connection (EPIPE, reset) instead of the 413: so read what it sends, in small chunks
    and never kept, up to DRAIN_AT_MOST, then let Flask answer."""

    def __init__(self, wsgi_app: Any, app: Flask) -> None:
        self.wsgi_app = wsgi_app
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = self.app.config["MAX_CONTENT_LENGTH"]
        if limit is not None and limit < length <= DRAIN_AT_MOST:
            stream = environ["wsgi.input"]
            while length > 0 and (chunk := stream.read(min(length, 64 * 1024))):
                length -= len(chunk)
        return self.wsgi_app(environ, start_response)


def init_app(app: Flask) -> None:
    proxies = app.config["TRUSTED_PROXY_COUNT"]
    if proxies:
        # Take the scheme, host and client address from the X-Forwarded-* headers that
        # this many proxies in front of the app set; never trust them without a proxy.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    app.wsgi_app = DrainOversizedBodies(app.wsgi_app, app)
    app.after_request(add_security_headers)

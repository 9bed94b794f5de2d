"""Middleware of the project's own: the client's real IP address behind a reverse proxy,
and the Content-Security-Policy header on Django 5.2 (Django 6.0 has its own)."""

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


class TrustedProxyMiddleware:
    """Sets ``REMOTE_ADDR`` to the visitor's address on requests relayed by a trusted proxy.

    Behind a reverse proxy, ``REMOTE_ADDR`` is the proxy's address for every visitor,
    which would make the log-in lockout count everyone as one client. Each proxy
    appends the address it received the request from to ``X-Forwarded-For``, so the
    visitor is the right-most entry that is not one of our proxies (``TRUSTED_PROXIES``).
    Entries further left were written by the client and are never believed, and a
    request that did not come from a trusted proxy keeps its own ``REMOTE_ADDR``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        try:
            self.trusted = [
                ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES
            ]
        except ValueError as error:
            raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error

    def is_trusted(self, address):
        return address is not None and any(address in network for network in self.trusted)

    def client_address(self, remote_addr, forwarded_for):
        client = remote_addr
        if not self.is_trusted(_address(remote_addr)):
            return client
        for hop in reversed(forwarded_for.split(",") if forwarded_for else []):
            address = _address(hop)
            if address is None:
                break  # Garbled: nothing to its left can be trusted either.
            client = str(address)
            if not self.is_trusted(address):
                break
        return client

    def __call__(self, request):
        remote_addr = request.META.get("REMOTE_ADDR", "")
        request.META["REMOTE_ADDR"] = self.client_address(
            remote_addr, request.META.get("HTTP_X_FORWARDED_FOR", "")
        )
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Django 5.2's stand-in for Django 6.0's ``django.middleware.csp`` middleware.

    Sends ``SECURE_CSP`` (a dict of directive → list of sources) as the
    Content-Security-Policy header, unless the view set one itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(
            f"{directive} {' '.join(sources)}".rstrip()
            for directive, sources in settings.SECURE_CSP.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response

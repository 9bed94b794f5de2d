"""Login lockout: too many failed log-ins for one email address from one IP address.

A fixed window counter in the cache, keyed by a hash of the email address and the
client's IP address. After ``LOGIN_FAILURE_LIMIT`` failures the pair is locked out
until ``LOGIN_LOCKOUT_SECONDS`` after the first failure; a successful log-in clears
the counter. Keying on the pair means an attacker cannot lock a user out from
another network, and one user's typos do not block a whole office behind one IP.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


class LoginThrottle:
    def __init__(self, email, ip_address):
        identity = f"{(email or '').strip().lower()}|{ip_address or ''}"
        self.key = "login-failures:" + hashlib.sha256(identity.encode()).hexdigest()

    @classmethod
    def for_request(cls, request, email):
        # REMOTE_ADDR is the proxy's address behind a reverse proxy: see the README.
        return cls(email, request.META.get("REMOTE_ADDR") if request else None)

    def is_locked_out(self):
        return cache.get(self.key, 0) >= settings.LOGIN_FAILURE_LIMIT

    def record_failure(self):
        # add() starts the window only if it is not running; incr() is atomic in
        # shared caches, so concurrent attempts are all counted.
        cache.add(self.key, 0, timeout=settings.LOGIN_LOCKOUT_SECONDS)
        try:
            cache.incr(self.key)
        except ValueError:  # The window expired between add() and incr().
            cache.set(self.key, 1, timeout=settings.LOGIN_LOCKOUT_SECONDS)

    def reset(self):
        cache.delete(self.key)

"""Log-in lockout: too many log-in attempts for one email address from one IP address.

A fixed window counter in the cache, keyed by a hash of the email address and the
client's IP address. Each attempt is counted *before* its password is checked, with
the cache's atomic ``incr()``: of any number of guesses sent at once, only the first
``LOGIN_FAILURE_LIMIT`` reach the password check, the rest are refused unchecked until
``LOGIN_LOCKOUT_SECONDS`` after the first attempt. A successful log-in clears the
counter, so only failures add up. Keying on the pair means an attacker cannot lock a
user out from another network, and one user's typos do not block a whole office
behind one IP.

The count is only as shared as the cache: Redis or Memcached count for every process
and host; Django's in-process cache counts for one process (see gunicorn.conf.py).
The client's IP address is ``REMOTE_ADDR`` as config.middleware.TrustedProxyMiddleware
leaves it: the visitor's address, also behind a trusted reverse proxy.
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
        return cls(email, request.META.get("REMOTE_ADDR") if request else None)

    def allow_attempt(self):
        """Counts one attempt; False once the attempts in this window exceed the limit."""
        window = settings.LOGIN_LOCKOUT_SECONDS
        # add() starts a window only if none is running; incr() then counts atomically,
        # so concurrent attempts each get a number of their own.
        cache.add(self.key, 0, timeout=window)
        try:
            attempts = cache.incr(self.key)
        except ValueError:  # The window ended between add() and incr(): start another.
            cache.add(self.key, 0, timeout=window)
            attempts = cache.incr(self.key)
        if attempts == 1:
            # The first attempt of a window (re)sets its expiry: Redis's INCR creates a
            # counter without one if the key expired just before it.
            cache.touch(self.key, timeout=window)
        return attempts <= settings.LOGIN_FAILURE_LIMIT

    def reset(self):
        cache.delete(self.key)

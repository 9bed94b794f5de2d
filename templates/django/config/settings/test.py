"""Settings for the test suite (pytest uses these: see pyproject.toml)."""

from .base import *  # noqa: F403
from .base import env

# Tests must run on a fresh clone, before anyone has written a .env file.
SECRET_KEY = env("SECRET_KEY", default="test-only-key-never-used-outside-the-test-suite")

# Hashing passwords slowly is the point in production and a waste of time here.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Pinned so the lockout tests do not depend on the environment.
LOGIN_FAILURE_LIMIT = 5
LOGIN_LOCKOUT_SECONDS = 15 * 60

# Find static files on request instead of scanning STATIC_ROOT, which tests never build.
WHITENOISE_AUTOREFRESH = True

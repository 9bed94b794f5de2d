"""Settings for a deployed site: pass ``manage.py check --deploy`` with no issues.

Required environment: SECRET_KEY, ALLOWED_HOSTS. The site is served over HTTPS
only, behind a proxy that terminates TLS and sets X-Forwarded-Proto.
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405

# HTTPS everywhere ------------------------------------------------------------

# Trust the proxy's word that the original request was HTTPS. Only correct when
# the proxy always sets (or strips) this header: see the README.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Django's defaults, spelled out: JavaScript cannot read the session cookie, and
# neither cookie is sent on cross-site subrequests or POSTs. The CSRF cookie stays
# readable by JavaScript on purpose: pages send it back as X-CSRFToken to /api/me/.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
CSRF_COOKIE_SAMESITE = "Lax"
# Browsers remember HSTS for this long: raise it to a year once HTTPS works.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Also Django's defaults: X-Content-Type-Options: nosniff, X-Frame-Options: DENY,
# Referrer-Policy: same-origin, Cross-Origin-Opener-Policy: same-origin.
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Static files: hashed names and compressed copies, served by WhiteNoise.
# Run ``manage.py collectstatic`` before starting the server.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email -----------------------------------------------------------------------

EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)

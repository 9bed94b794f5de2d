"""Settings for working on the project locally: ``manage.py`` uses these by default."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env("SECRET_KEY")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

# Password reset and other emails are printed by runserver instead of being sent.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

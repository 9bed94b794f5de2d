import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROJECT_DIR = Path(settings.BASE_DIR)


def manage_in_production(*args):
    """Runs manage.py under the production settings, as a deployment would."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        # Like a real deployment: a long random key and a host name, from the environment.
        "SECRET_KEY": "k3y-for-the-deploy-check-" + os.urandom(32).hex(),
        "ALLOWED_HOSTS": "example.com",
    }
    return subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_check_deploy():
    """`check --deploy` under production settings reports nothing, not even a warning."""
    result = manage_in_production("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_hashes_passwords_with_djangos_default_hasher():
    """The tests hash with MD5 for speed; production must keep Django's PBKDF2."""
    result = manage_in_production(
        "shell",
        "-c",
        "from django.contrib.auth.hashers import make_password; print(make_password('x'))",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    hashes = [line for line in result.stdout.splitlines() if "$" in line]
    assert hashes, result.stdout
    assert hashes[0].startswith("pbkdf2_sha256$"), result.stdout

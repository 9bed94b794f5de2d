import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROJECT_DIR = Path(settings.BASE_DIR)


def test_production_settings_pass_check_deploy():
    """`check --deploy` under production settings reports nothing, not even a warning."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        # Like a real deployment: a long random key and a host name, from the environment.
        "SECRET_KEY": "k3y-for-the-deploy-check-" + os.urandom(32).hex(),
        "ALLOWED_HOSTS": "example.com",
    }

    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout

import pytest
from django.db import IntegrityError, connection, transaction

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_tests_run_against_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert cursor.fetchone()[0].startswith("PostgreSQL")


def test_the_database_refuses_a_second_account_for_an_address():
    User.objects.create_user(email="ada@example.com", password="a-long-passphrase")

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="ada@example.com")

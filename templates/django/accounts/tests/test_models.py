import pytest
from django.db import IntegrityError, transaction

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_database_refuses_an_address_that_differs_only_in_case(user):
    # create() skips the manager's lower-casing, as raw SQL or bulk_create() would.
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="ADA@Example.com")

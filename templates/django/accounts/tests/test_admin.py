import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, django_user_model):
    admin = django_user_model.objects.create_superuser(email="Admin@Example.com", password="x")
    client.force_login(admin)
    return client


def test_create_superuser_makes_a_staff_superuser(django_user_model):
    admin = django_user_model.objects.create_superuser(email="Root@Example.com", password="x")

    assert admin.email == "root@example.com"
    assert admin.is_staff
    assert admin.is_superuser


def test_the_admin_login_page_answers(client):
    assert client.get(reverse("admin:login")).status_code == 200


def test_the_admin_lists_and_edits_users(admin_client_, user):
    changelist = admin_client_.get(reverse("admin:accounts_user_changelist"))
    change = admin_client_.get(reverse("admin:accounts_user_change", args=[user.pk]))

    assert changelist.status_code == 200
    assert user.email in changelist.text
    assert change.status_code == 200


def test_the_admin_adds_users_by_email(admin_client_, django_user_model):
    response = admin_client_.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "New@Example.com",
            "name": "New",
            "usable_password": "true",
            "password1": "a-long-new-passphrase",
            "password2": "a-long-new-passphrase",
        },
    )

    assert response.status_code == 302
    created = django_user_model.objects.get(email="new@example.com")
    assert created.check_password("a-long-new-passphrase")

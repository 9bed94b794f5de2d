import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


def sign_up(client, email="grace@example.com", password="a-long-new-passphrase"):
    return client.post(
        reverse("signup"),
        {"email": email, "name": "Grace", "password1": password, "password2": password},
    )


def test_the_sign_up_page_shows_a_form(client):
    response = client.get(reverse("signup"))

    assert response.status_code == 200
    assert 'name="email"' in response.text


def test_signing_up_creates_the_account_and_logs_in(client):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("profile")
    user = get_user_model().objects.get(email="grace@example.com")
    assert user.check_password("a-long-new-passphrase")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_emails_are_stored_in_lower_case(client):
    sign_up(client, email="Grace@Example.COM")

    assert get_user_model().objects.filter(email="grace@example.com").exists()


def test_an_address_that_differs_only_in_case_is_taken(client, user):
    response = sign_up(client, email="ADA@example.com")

    assert response.status_code == 200
    assert "already exists" in response.text
    assert get_user_model().objects.count() == 1


def test_a_weak_password_is_refused(client):
    response = sign_up(client, password="password")

    assert response.status_code == 200
    assert "too common" in response.text
    assert not get_user_model().objects.exists()


def test_a_logged_in_user_is_sent_to_the_profile(client, user):
    client.force_login(user)

    response = client.get(reverse("signup"))

    assert response.status_code == 302
    assert response["Location"] == reverse("profile")

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.urls import reverse

pytestmark = pytest.mark.django_db


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_the_right_password_logs_in(client, user, password):
    response = client.post(reverse("login"), {"username": user.email, "password": password})

    assert response.status_code == 302
    assert response["Location"] == reverse("profile")
    assert int(logged_in_user_id(client)) == user.pk


def test_the_email_address_is_not_case_sensitive(client, user, password):
    client.post(reverse("login"), {"username": "ADA@Example.com", "password": password})

    assert int(logged_in_user_id(client)) == user.pk


def test_a_wrong_password_is_refused(client, user):
    response = client.post(reverse("login"), {"username": user.email, "password": "wrong"})

    assert response.status_code == 200
    assert "Please enter a correct email address and password" in response.text
    assert logged_in_user_id(client) is None


def test_an_unknown_address_costs_the_same_password_hash_as_a_known_one(client, user, monkeypatch):
    """No user enumeration by timing: a wrong log-in hashes once, account or not."""
    hashed = []
    encode = MD5PasswordHasher.encode  # The test settings' hasher; production's is PBKDF2.

    def counting_encode(self, password, salt):
        hashed.append(password)
        return encode(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting_encode)
    client.post(reverse("login"), {"username": user.email, "password": "wrong"})
    known = len(hashed)
    hashed.clear()
    client.post(reverse("login"), {"username": "nobody@example.com", "password": "wrong"})

    assert known == 1
    assert len(hashed) == known


def test_an_inactive_user_cannot_log_in(client, user, password):
    user.is_active = False
    user.save()

    client.post(reverse("login"), {"username": user.email, "password": password})

    assert logged_in_user_id(client) is None


def test_login_goes_back_to_the_page_that_asked_for_it(client, user, password):
    response = client.post(
        reverse("login") + "?next=/accounts/password/change/",
        {"username": user.email, "password": password, "next": "/accounts/password/change/"},
    )

    assert response["Location"] == "/accounts/password/change/"


def test_logout_refuses_get(client, user):
    client.force_login(user)

    response = client.get(reverse("logout"))

    assert response.status_code == 405
    assert int(logged_in_user_id(client)) == user.pk


def test_logout_by_post_ends_the_session(client, user):
    client.force_login(user)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert logged_in_user_id(client) is None


@pytest.mark.parametrize("name", ["profile", "password_change"])
def test_private_pages_send_anonymous_visitors_to_the_login_page(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse(name)}"


def test_the_profile_shows_and_updates_the_users_own_data(client, user):
    client.force_login(user)

    page = client.get(reverse("profile"))
    response = client.post(reverse("profile"), {"name": "Ada Lovelace"}, follow=True)

    assert page.status_code == 200
    assert user.email in page.text
    user.refresh_from_db()
    assert user.name == "Ada Lovelace"
    assert "Your profile has been updated." in response.text

import json

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/api/me/"


def test_the_url_is_named():
    assert reverse("api-me") == URL


def test_anonymous_requests_get_401_json(client):
    response = client.get(URL)

    assert response.status_code == 401
    assert response.json() == {"error": "Authentication required."}


def test_a_user_gets_their_own_data(client, user, django_user_model):
    django_user_model.objects.create_user(email="someone@example.com", password="x")
    client.force_login(user)

    data = client.get(URL).json()

    assert data["id"] == user.pk
    assert data["email"] == "ada@example.com"
    assert data["name"] == "Ada"
    assert "password" not in data


def test_patch_changes_the_name(client, user):
    client.force_login(user)

    response = client.patch(URL, {"name": "Ada Lovelace"}, content_type="application/json")

    assert response.status_code == 200
    assert response.json()["name"] == "Ada Lovelace"
    user.refresh_from_db()
    assert user.name == "Ada Lovelace"


def test_patch_cannot_change_the_email(client, user):
    client.force_login(user)

    client.patch(URL, {"email": "evil@example.com"}, content_type="application/json")

    user.refresh_from_db()
    assert user.email == "ada@example.com"


def test_patch_validates_its_input(client, user):
    client.force_login(user)

    too_long = client.patch(URL, {"name": "x" * 200}, content_type="application/json")
    not_json = client.patch(URL, "{", content_type="application/json")

    assert too_long.status_code == 400
    assert "name" in too_long.json()["errors"]
    assert not_json.status_code == 400


def test_patch_needs_the_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    body = json.dumps({"name": "Mallory"})

    refused = client.patch(URL, body, content_type="application/json")
    client.get(reverse("profile"))  # Sets the csrftoken cookie, as a page load does.
    token = client.cookies["csrftoken"].value
    accepted = client.patch(URL, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)

    assert refused.status_code == 403
    assert accepted.status_code == 200


def test_other_methods_are_refused(client, user):
    client.force_login(user)

    assert client.delete(URL).status_code == 405

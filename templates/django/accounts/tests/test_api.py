import json

import pytest
from django.test import Client
from django.urls import reverse

from .documented import assert_documented

pytestmark = pytest.mark.django_db

URL = "/api/me/"


def get(client):
    return assert_documented(client.get(URL), "GET", URL)


def patch(client, body, content_type="application/json", **headers):
    if not isinstance(body, str | bytes):
        body = json.dumps(body)
    return assert_documented(
        client.patch(URL, body, content_type=content_type, **headers), "PATCH", URL
    )


def test_the_url_is_named():
    assert reverse("api-me") == URL


def test_anonymous_requests_get_401_json(client):
    response = get(client)

    assert response.status_code == 401
    assert response.json() == {"error": "Authentication required."}


def test_a_user_gets_their_own_data(client, user, django_user_model):
    django_user_model.objects.create_user(email="someone@example.com", password="x")
    client.force_login(user)

    data = get(client).json()

    assert data["id"] == user.pk
    assert data["email"] == "ada@example.com"
    assert data["name"] == "Ada"
    assert "password" not in data


def test_patch_changes_the_name(client, user):
    client.force_login(user)

    response = patch(client, {"name": "Ada Lovelace"})

    assert response.status_code == 200
    assert response.json()["name"] == "Ada Lovelace"
    user.refresh_from_db()
    assert user.name == "Ada Lovelace"


def test_patch_cannot_change_the_email(client, user):
    client.force_login(user)

    patch(client, {"email": "evil@example.com"})

    user.refresh_from_db()
    assert user.email == "ada@example.com"


@pytest.mark.parametrize(
    "body",
    [
        {"name": "x" * 200},
        {"name": ["Ada"]},
        {"name": "A\u0000da"},
        '{"name": "\\ud800"}',  # A lone surrogate: valid JSON, not storable text.
        "{",
        '["Ada"]',
    ],
    ids=["too-long", "not-a-string", "nul", "lone-surrogate", "not-json", "not-an-object"],
)
def test_patch_validates_its_input(client, user, body):
    client.force_login(user)

    response = patch(client, body)

    assert response.status_code == 400
    user.refresh_from_db()
    assert user.name == "Ada"


def test_a_validation_error_names_the_field(client, user):
    client.force_login(user)

    assert "name" in patch(client, {"name": "x" * 200}).json()["errors"]


def test_patch_needs_a_json_body(client, user):
    client.force_login(user)

    response = patch(client, "name=Mallory", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415


def test_patch_refuses_an_oversized_body_unread(client, user):
    client.force_login(user)

    response = patch(client, {"name": "x" * 20_000})

    assert response.status_code == 413
    # Read to its end nonetheless, so a client still sending it gets this answer.
    assert response.wsgi_request.read(1) == b""


def test_patch_needs_the_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    body = json.dumps({"name": "Mallory"})

    refused = patch(client, body)
    client.get(reverse("profile"))  # Sets the csrftoken cookie, as a page load does.
    token = client.cookies["csrftoken"].value
    accepted = patch(client, body, HTTP_X_CSRFTOKEN=token)

    assert refused.status_code == 403
    assert refused.json()["error"].startswith("CSRF verification failed")
    assert accepted.status_code == 200


def test_an_anonymous_write_is_refused(user):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("login"))  # An anonymous visitor has a csrftoken cookie too.
    token = client.cookies["csrftoken"].value

    without_token = patch(client, {"name": "Mallory"})
    with_token = patch(client, {"name": "Mallory"}, HTTP_X_CSRFTOKEN=token)

    assert without_token.status_code == 403
    assert with_token.status_code == 401
    user.refresh_from_db()
    assert user.name == "Ada"


def test_other_methods_are_refused(client, user):
    client.force_login(user)

    assert client.delete(URL).status_code == 405

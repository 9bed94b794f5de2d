import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_home_page_invites_visitors_to_sign_up(client):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert reverse("signup") in response.text


def test_the_home_page_greets_a_logged_in_user(client, user):
    client.force_login(user)

    response = client.get(reverse("home"))

    assert user.email in response.text
    assert reverse("logout") in response.text


def test_unknown_pages_get_the_sites_404_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.text


def test_unknown_api_urls_get_a_json_404(client):
    response = client.get("/api/no-such-thing/")

    assert response.status_code == 404
    assert response.json() == {"error": "Not found."}


def test_a_form_too_large_to_parse_gets_a_400_after_its_body_is_read(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post(
        reverse("login"), "username=" + "x" * 5000, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 400
    assert response.wsgi_request.read(1) == b""

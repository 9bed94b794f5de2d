import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/api/me/", "/admin/login/", "/nowhere/"])
def test_every_response_carries_the_content_security_policy(client, url):
    # Sent by Django's own middleware on Django 6, by config/middleware.py on 5.2.
    assert client.get(url)["Content-Security-Policy"] == POLICY


def test_the_pages_need_no_inline_script_or_style(client, user):
    client.force_login(user)

    for url in ["/", reverse("profile"), reverse("password_change")]:
        page = client.get(url).text
        assert "<script>" not in page and "<style" not in page and "style=" not in page, url


def test_a_csrf_failure_on_a_page_answers_djangos_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": "a@example.com", "password": "x"})

    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")

import time

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def attempt(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def fail(client, email, times):
    for _ in range(times):
        assert attempt(client, email, "wrong").status_code == 200


def test_after_too_many_failures_even_the_right_password_is_refused(
    client, user, password, settings
):
    fail(client, user.email, settings.LOGIN_FAILURE_LIMIT)

    response = attempt(client, user.email, password)

    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_the_lockout_ignores_the_case_of_the_address(client, user, password, settings):
    fail(client, user.email.upper(), settings.LOGIN_FAILURE_LIMIT)

    assert attempt(client, user.email, password).status_code == 429


def test_failures_below_the_limit_do_not_lock_out(client, user, password, settings):
    fail(client, user.email, settings.LOGIN_FAILURE_LIMIT - 1)

    assert attempt(client, user.email, password).status_code == 302


def test_a_successful_login_resets_the_count(client, user, password, settings):
    fail(client, user.email, settings.LOGIN_FAILURE_LIMIT - 1)
    attempt(client, user.email, password)
    client.logout()
    fail(client, user.email, settings.LOGIN_FAILURE_LIMIT - 1)

    assert attempt(client, user.email, password).status_code == 302


def test_a_request_without_a_password_does_not_reset_the_count(client, user, password, settings):
    fail(client, user.email, settings.LOGIN_FAILURE_LIMIT - 1)
    attempt(client, user.email, "")
    fail(client, user.email, 1)

    assert attempt(client, user.email, password).status_code == 429


def test_the_lockout_is_per_address_and_ip(client, user, password, settings):
    fail(client, user.email, settings.LOGIN_FAILURE_LIMIT)
    other_network = Client(REMOTE_ADDR="203.0.113.7")

    assert attempt(other_network, user.email, password).status_code == 302


def test_the_lockout_ends_when_its_window_expires(client, user, password, settings, monkeypatch):
    fail(client, user.email, settings.LOGIN_FAILURE_LIMIT)
    assert attempt(client, user.email, password).status_code == 429

    later = time.time() + settings.LOGIN_LOCKOUT_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)

    assert attempt(client, user.email, password).status_code == 302


def test_the_admin_login_page_locks_out_too(client, django_user_model, settings):
    admin = django_user_model.objects.create_superuser(email="root@example.com", password="pw")
    admin_login = reverse("admin:login")
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        client.post(admin_login, {"username": admin.email, "password": "wrong"})

    response = client.post(admin_login, {"username": admin.email, "password": "pw"})

    assert "Too many failed log-in attempts" in response.text
    assert "_auth_user_id" not in client.session

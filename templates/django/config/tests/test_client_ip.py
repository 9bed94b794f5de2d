import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import RequestFactory

from config.middleware import TrustedProxyMiddleware


def client_ip(remote_addr, forwarded_for=None):
    seen = {}

    def view(request):
        seen["ip"] = request.META["REMOTE_ADDR"]
        return HttpResponse()

    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    TrustedProxyMiddleware(view)(RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers))
    return seen["ip"]


def test_a_direct_request_keeps_its_own_address():
    assert client_ip("203.0.113.5") == "203.0.113.5"


def test_x_forwarded_for_from_an_untrusted_address_is_ignored():
    assert client_ip("203.0.113.5", "198.51.100.7") == "203.0.113.5"


def test_a_trusted_proxy_names_the_visitor():
    assert client_ip("10.0.0.2", "198.51.100.7") == "198.51.100.7"
    assert client_ip("::1", "2001:db8::7") == "2001:db8::7"


def test_entries_the_client_wrote_are_not_believed():
    # The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the real address.
    assert client_ip("10.0.0.2", "192.0.2.1, 203.0.113.66") == "203.0.113.66"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right():
    assert client_ip("127.0.0.1", "203.0.113.66, 10.1.2.3, 192.168.0.9") == "203.0.113.66"


def test_garbage_stops_the_walk_at_the_last_trusted_hop():
    assert client_ip("10.0.0.2", "not-an-address") == "10.0.0.2"
    assert client_ip("10.0.0.2", "not-an-address, 10.0.0.3") == "10.0.0.3"


def test_the_trusted_proxies_are_a_setting(settings):
    settings.TRUSTED_PROXIES = ["198.51.100.0/24"]

    assert client_ip("198.51.100.1", "203.0.113.66") == "203.0.113.66"
    assert client_ip("10.0.0.2", "203.0.113.66") == "10.0.0.2"


def test_a_malformed_setting_is_an_error(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/33"]

    with pytest.raises(ImproperlyConfigured):
        client_ip("10.0.0.2")

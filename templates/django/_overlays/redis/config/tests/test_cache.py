import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse

from accounts.throttle import LoginThrottle

pytestmark = pytest.mark.django_db


def test_the_cache_is_redis():
    assert isinstance(caches["default"], RedisCache)
    cache.set("ping", "pong", timeout=10)

    assert cache.get("ping") == "pong"


def test_failed_logins_are_counted_in_redis_with_an_expiry(client, user):
    client.post(reverse("login"), {"username": user.email, "password": "wrong"})

    # Read Redis directly, under the key the cache stores the counter at.
    key = cache.make_and_validate_key(LoginThrottle(user.email, "127.0.0.1").key)
    redis = cache._cache.get_client(key)
    assert redis.get(key) == b"1"
    assert 0 < redis.ttl(key) <= 15 * 60

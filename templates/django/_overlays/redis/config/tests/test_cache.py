import uuid

import pytest
import redis
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse

from accounts.throttle import LoginThrottle
from config.settings import base

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_client():
    client = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    yield client
    client.close()


def test_the_cache_is_redis():
    assert isinstance(caches["default"], RedisCache)
    cache.set("ping", "pong", timeout=10)

    assert cache.get("ping") == "pong"


def test_failed_logins_are_counted_in_redis_with_an_expiry(client, user, redis_client):
    client.post(reverse("login"), {"username": user.email, "password": "wrong"})

    # Read Redis directly, under the key the cache stores the counter at.
    key = cache.make_and_validate_key(LoginThrottle(user.email, "127.0.0.1").key)
    assert redis_client.get(key) == b"1"
    assert 0 < redis_client.ttl(key) <= 15 * 60


def test_the_tests_keys_are_apart_from_the_sites():
    assert settings.CACHES["default"]["KEY_PREFIX"] != base.CACHES["default"]["KEY_PREFIX"]


def test_clearing_the_cache_leaves_every_other_key_in_the_database_alone(redis_client):
    # What the developer's site (and anything else) keeps in the same Redis database.
    unrelated = f"unrelated-{uuid.uuid4().hex}"
    sites = f"{base.CACHES['default']['KEY_PREFIX']}:1:session-{uuid.uuid4().hex}"
    redis_client.set(unrelated, "kept", ex=60)
    redis_client.set(sites, "kept", ex=60)
    cache.set("the-tests-own", "gone", timeout=60)
    try:
        cache.clear()

        assert cache.get("the-tests-own") is None
        assert redis_client.get(unrelated) == b"kept"
        assert redis_client.get(sites) == b"kept"
    finally:
        redis_client.delete(unrelated, sites)

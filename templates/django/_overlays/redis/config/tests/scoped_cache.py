import re

from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured


class ScopedRedisCache(RedisCache):
    """Django's RedisCache, except that clear() deletes only the keys under KEY_PREFIX.

    RedisCache.clear() is FLUSHDB: it would empty the whole Redis database the tests
    share with the developer's site. The test settings use this backend instead.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        if not self.key_prefix:
            raise ImproperlyConfigured("ScopedRedisCache needs a KEY_PREFIX to scope clear() to.")

    def clear(self):
        client = self._cache.get_client(None, write=True)
        pattern = re.sub(r"([*?\[\]\\])", r"\\\1", self.key_prefix) + ":*"
        batch = []
        for key in client.scan_iter(match=pattern, count=500):
            batch.append(key)
            if len(batch) == 500:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)
        return True

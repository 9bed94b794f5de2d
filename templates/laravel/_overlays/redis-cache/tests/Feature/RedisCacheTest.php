<?php

namespace Tests\Feature;

use App\Providers\RouteServiceProvider;
use Illuminate\Contracts\Console\Kernel;
use Illuminate\Foundation\Application;
use Illuminate\Foundation\Bootstrap\LoadConfiguration;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\Queue;
use Illuminate\Support\Facades\Redis;
use Illuminate\Support\Str;
use Tests\TestCase;

/**
 * The Redis cache store (REDIS_URL) that .env selects with CACHE_DRIVER=redis: values
 * and the rate limiter's counters live in Redis, so every server sees the same ones.
 * phpunit.xml keeps the array store for the other tests; every key here expires
 * within a minute.
 */
class RedisCacheTest extends TestCase
{
    use RefreshDatabase;

    /**
     * The Redis store from the start, so the rate limiter (bound while the app boots)
     * counts in Redis too; a key prefix of its own for each test.
     */
    public function createApplication(): Application
    {
        $app = require __DIR__.'/../../bootstrap/app.php';
        $app->afterBootstrapping(LoadConfiguration::class, function (Application $app) {
            $app['config']->set(['cache.default' => 'redis', 'cache.prefix' => 'test_'.Str::lower(Str::random(12)).'_']);
        });
        $app->make(Kernel::class)->bootstrap();

        return $app;
    }

    public function test_values_are_stored_in_redis(): void
    {
        Cache::put('greeting', 'hello', 60);

        $this->assertSame('hello', Cache::get('greeting'));
        $stored = Redis::connection(config('cache.stores.redis.connection'))->get(Cache::getPrefix().'greeting');
        $this->assertSame('hello', unserialize($stored));

        Cache::forget('greeting');
        $this->assertNull(Cache::get('greeting'));
    }

    public function test_the_submission_limit_is_counted_in_redis(): void
    {
        Queue::fake();

        for ($i = 0; $i < RouteServiceProvider::SUBMISSIONS_PER_MINUTE; $i++) {
            $this->postJson('/api/documents', ['title' => 'Again', 'body' => 'Some words.'])->assertStatus(202);
        }
        $this->postJson('/api/documents', ['title' => 'Again', 'body' => 'Some words.'])->assertStatus(429);

        $counter = Cache::getPrefix().md5('submissions'.'127.0.0.1');
        $this->assertSame(RouteServiceProvider::SUBMISSIONS_PER_MINUTE, (int) Redis::connection(config('cache.stores.redis.connection'))->get($counter));
    }
}

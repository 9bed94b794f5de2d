<?php

namespace Tests\Feature;

use App\Models\User;
use App\Providers\AppServiceProvider;
use Illuminate\Foundation\Application;
use Illuminate\Foundation\Bootstrap\LoadConfiguration;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\Queue;
use Illuminate\Support\Facades\Redis;
use Illuminate\Support\Str;
use Tests\TestCase;

/**
 * The Redis cache store (REDIS_URL) that .env selects with CACHE_STORE=redis: values,
 * the rate limiters' counters and the locks live in Redis, so every server sees the
 * same ones. phpunit.xml keeps the array store for the other tests; every key here
 * has a prefix of its own and expires within minutes.
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
            $app['config']->set(['cache.default' => 'redis', 'cache.prefix' => 'test-'.Str::lower(Str::random(12)).'-']);
        });
        $app->make(\Illuminate\Contracts\Console\Kernel::class)->bootstrap();

        return $app;
    }

    private function redis(): \Illuminate\Redis\Connections\Connection
    {
        return Redis::connection(config('cache.stores.redis.connection'));
    }

    public function test_values_are_stored_in_redis(): void
    {
        Cache::put('greeting', 'hello', 60);

        $this->assertSame('hello', Cache::get('greeting'));
        // Laravel 11+: the cache prefix is followed directly by the key (no ":").
        $this->assertSame('hello', unserialize($this->redis()->get(config('cache.prefix').'greeting')));

        Cache::forget('greeting');
        $this->assertNull(Cache::get('greeting'));
    }

    public function test_the_submission_limit_is_counted_in_redis(): void
    {
        Queue::fake();
        $user = User::factory()->create();
        $headers = $this->tokenHeaders($user);

        for ($i = 0; $i < AppServiceProvider::SUBMISSIONS_PER_MINUTE; $i++) {
            $this->postJson('/api/documents', ['title' => 'Again', 'body' => 'Some words.'], $headers)->assertStatus(202);
        }
        $this->postJson('/api/documents', ['title' => 'Again', 'body' => 'Some words.'], $headers)->assertStatus(429);

        $counter = config('cache.prefix').md5('submissions'.'submissions:'.$user->id);
        $this->assertSame(AppServiceProvider::SUBMISSIONS_PER_MINUTE, (int) $this->redis()->get($counter));
    }

    public function test_log_in_attempts_are_counted_in_redis(): void
    {
        User::factory()->create(['email' => 'ada@example.com']);

        $this->post('/login', ['email' => 'ada@example.com', 'password' => 'wrong']);

        $this->assertSame(1, (int) $this->redis()->get(config('cache.prefix').'ada@example.com|127.0.0.1'));
    }
}

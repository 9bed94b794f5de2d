<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use App\Models\User;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\Queue;
use Illuminate\Support\Facades\Redis;
use Illuminate\Support\Str;
use Tests\TestCase;

/**
 * The real Redis queue (REDIS_URL): jobs wait in a Redis list until a worker runs
 * them; failed jobs and batches stay in the database. Each test uses a queue name of
 * its own and removes its keys afterwards.
 */
class RedisQueueTest extends TestCase
{
    use RefreshDatabase;

    private string $queue;

    protected function setUp(): void
    {
        parent::setUp();

        $this->queue = 'test-'.Str::lower(Str::random(12));
        config(['queue.default' => 'redis', 'queue.connections.redis.queue' => $this->queue]);
    }

    protected function tearDown(): void
    {
        $key = "queues:{$this->queue}";
        Redis::connection()->del($key, "{$key}:delayed", "{$key}:reserved", "{$key}:notify");

        parent::tearDown();
    }

    public function test_a_job_waits_in_redis_until_a_worker_runs_it(): void
    {
        $document = Document::factory()->create(['body' => 'Three small words.']);
        AnalyzeDocument::dispatch($document);

        $this->assertSame(1, Queue::connection('redis')->size($this->queue));
        $this->assertStringContainsString('AnalyzeDocument', (string) Redis::connection()->lindex("queues:{$this->queue}", 0));
        $this->actingAs(User::factory()->admin()->create())->get('/')->assertSee('Waiting or running (1)');

        $this->assertSame(0, $this->work());

        $this->assertSame(0, Queue::connection('redis')->size($this->queue));
        $this->assertSame(Document::ANALYZED, $document->fresh()->status);
        $this->assertSame(3, $document->fresh()->word_count);
    }

    public function test_a_job_that_fails_for_good_is_recorded_in_the_database(): void
    {
        $document = Document::factory()->withoutWords()->create();
        AnalyzeDocument::dispatch($document);

        $this->work();

        $this->assertSame(0, Queue::connection('redis')->size($this->queue));
        $this->assertDatabaseCount('failed_jobs', 1);
        $this->assertSame(Document::FAILED, $document->fresh()->status);
    }

    public function test_a_job_to_retry_waits_in_the_delayed_set_and_the_dashboard_shows_it(): void
    {
        $this->freezeSecond();
        $this->analysisFails('Analysis service unavailable');
        $document = Document::factory()->create();
        AnalyzeDocument::dispatch($document);

        $this->work();

        // Attempt 1 failed: back in Redis, due in a minute.
        $delayed = Redis::connection()->zrangebyscore("queues:{$this->queue}:delayed", '-inf', '+inf', ['withscores' => true]);
        $this->assertCount(1, $delayed);
        $this->assertSame(now()->addMinutes(AnalyzeDocument::RETRY_AFTER_MINUTES)->getTimestamp(), (int) reset($delayed));
        $this->actingAs(User::factory()->admin()->create())->get('/')
            ->assertSee('Waiting or running (1)')
            ->assertSee('attempts 1, retry 1 minute from now');
    }

    private function work(): int
    {
        return Artisan::call('queue:work', ['connection' => 'redis', '--queue' => $this->queue, '--once' => true, '--stop-when-empty' => true]);
    }
}

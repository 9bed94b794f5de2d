<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Queue\Events\JobFailed;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Event;
use Tests\TestCase;

/**
 * The real queue path: jobs go to the database queue and a worker runs them,
 * as `php artisan queue:work` does in production.
 */
class FailedJobTest extends TestCase
{
    use RefreshDatabase;

    protected function setUp(): void
    {
        parent::setUp();

        config(['queue.default' => 'database']);
    }

    public function test_a_worker_runs_a_queued_job(): void
    {
        $document = Document::factory()->create(['body' => 'Three small words.', 'notify_email' => null]);
        AnalyzeDocument::dispatch($document);

        $this->assertDatabaseCount('jobs', 1);
        $this->assertSame(Document::QUEUED, $document->fresh()->status);

        $this->assertSame(0, $this->work());

        $this->assertDatabaseCount('jobs', 0);
        $this->assertSame(Document::ANALYZED, $document->fresh()->status);
        $this->assertSame(3, $document->fresh()->word_count);
    }

    public function test_the_queued_mail_is_a_job_of_its_own(): void
    {
        $document = Document::factory()->create(['notify_email' => 'reader@example.com']);
        AnalyzeDocument::dispatch($document);

        $this->work();

        // The analysis job is done and has queued the mailable for the next worker pass.
        $this->assertDatabaseCount('jobs', 1);
        $this->assertStringContainsString('DocumentAnalyzed', (string) DB::table('jobs')->value('payload'));

        $this->work();

        $this->assertDatabaseCount('jobs', 0);
        $this->assertDatabaseCount('failed_jobs', 0);
    }

    public function test_a_failing_job_is_recorded_and_can_be_retried(): void
    {
        $document = Document::factory()->withoutWords()->create(['notify_email' => null]);
        AnalyzeDocument::dispatch($document);

        $this->work();

        // Failed for good on the first attempt: no retries left on the queue.
        $this->assertDatabaseCount('jobs', 0);
        $this->assertDatabaseCount('failed_jobs', 1);
        $failed = $document->fresh();
        $this->assertSame(Document::FAILED, $failed->status);
        $this->assertStringContainsString('no words', $failed->failure_reason);

        // Fix the cause, then put the job back: it reloads the document.
        $document->update(['body' => 'Words at last.']);
        Artisan::call('queue:retry', ['id' => ['all']]);

        $this->assertDatabaseCount('failed_jobs', 0);
        $this->assertDatabaseCount('jobs', 1);

        $this->work();

        $this->assertSame(Document::ANALYZED, $document->fresh()->status);
        $this->assertNull($document->fresh()->failure_reason);
    }

    public function test_a_passing_error_is_retried_with_backoff_until_the_tries_run_out(): void
    {
        $this->analysisFails('Analysis service unavailable');
        $document = Document::factory()->create(['notify_email' => null]);
        AnalyzeDocument::dispatch($document);

        // Attempt 1 fails: back on the queue, due again in 10 seconds.
        $this->work();
        $job = DB::table('jobs')->first();
        $this->assertSame(1, (int) $job->attempts);
        $this->assertSame(now()->addSeconds(10)->getTimestamp(), (int) $job->available_at);
        $this->assertDatabaseCount('failed_jobs', 0);

        // Attempt 2, after the first backoff: due again in 60 seconds.
        $this->travel(10)->seconds();
        $this->work();
        $job = DB::table('jobs')->first();
        $this->assertSame(2, (int) $job->attempts);
        $this->assertSame(now()->addSeconds(60)->getTimestamp(), (int) $job->available_at);

        // Attempt 3 is the last one ($tries = 3): the job is recorded as failed.
        $this->travel(60)->seconds();
        $this->work();
        $this->assertDatabaseCount('jobs', 0);
        $this->assertDatabaseCount('failed_jobs', 1);
        $this->assertSame(Document::FAILED, $document->fresh()->status);
        $this->assertSame('Analysis service unavailable', $document->fresh()->failure_reason);
    }

    private function work(): int
    {
        // Each queue:work run registers its "log the failed job" listener on the app's
        // events; a real worker process does so once. Keep one, or a job failing on the
        // third run is logged three times (PostgreSQL then rejects the duplicate uuid).
        Event::forget(JobFailed::class);

        return Artisan::call('queue:work', ['--once' => true, '--stop-when-empty' => true]);
    }
}

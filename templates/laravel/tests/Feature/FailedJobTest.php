<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\DB;
use Tests\TestCase;

/**
 * The real queue path: jobs go to the database queue and a worker runs them, as
 * `php artisan queue:work` does in production.
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
        $document = Document::factory()->create(['body' => 'Three small words.']);
        AnalyzeDocument::dispatch($document);

        $this->assertDatabaseCount('jobs', 1);
        $this->assertSame(Document::QUEUED, $document->fresh()->status);

        $this->assertSame(0, $this->work());

        $this->assertDatabaseCount('jobs', 0);
        $this->assertSame(Document::ANALYZED, $document->fresh()->status);
        $this->assertSame(3, $document->fresh()->word_count);
    }

    public function test_the_mail_to_the_owner_is_a_queued_job_of_its_own(): void
    {
        $document = Document::factory()->create(['notify' => true]);
        AnalyzeDocument::dispatch($document);

        $this->work();

        // The analysis job is done and has queued the mailable for the next worker pass.
        $this->assertDatabaseCount('jobs', 1);
        $this->assertStringContainsString('DocumentAnalyzed', (string) DB::table('jobs')->value('payload'));

        $this->work();

        // phpunit.xml's "array" mailer keeps what was sent.
        $sent = app('mailer')->getSymfonyTransport()->messages();
        $this->assertCount(1, $sent);
        $this->assertSame($document->user->email, $sent[0]->getEnvelope()->getRecipients()[0]->getAddress());
        $this->assertSame("Analysed: {$document->title}", $sent[0]->getOriginalMessage()->getSubject());
        $this->assertDatabaseCount('jobs', 0);
        $this->assertDatabaseCount('failed_jobs', 0);
    }

    public function test_a_failing_job_is_recorded_and_can_be_retried(): void
    {
        $document = Document::factory()->withoutWords()->create();
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
        $this->assertStringContainsString('Pushing failed queue jobs back onto the queue', Artisan::output());

        $this->assertDatabaseCount('failed_jobs', 0);
        $this->assertDatabaseCount('jobs', 1);

        $this->work();

        $this->assertSame(Document::ANALYZED, $document->fresh()->status);
        $this->assertNull($document->fresh()->failure_reason);
    }

    public function test_an_error_that_may_pass_is_retried_a_minute_later(): void
    {
        $this->analysisFails('Analysis service unavailable');
        $document = Document::factory()->create();
        AnalyzeDocument::dispatch($document);

        $this->work();

        $job = DB::table('jobs')->sole();
        $this->assertSame(1, (int) $job->attempts);
        $this->assertSame(now()->addMinutes(AnalyzeDocument::RETRY_AFTER_MINUTES)->getTimestamp(), (int) $job->available_at);
        $this->assertDatabaseCount('failed_jobs', 0);

        // The service is back: the next attempt succeeds.
        $this->app->forgetInstance(\App\Services\DocumentAnalyzer::class);
        $this->travel(AnalyzeDocument::RETRY_AFTER_MINUTES)->minutes();
        $this->work();
        $this->assertSame(Document::ANALYZED, $document->fresh()->status);
    }

    public function test_after_repeated_errors_every_analysis_waits_instead_of_running(): void
    {
        $this->analysisFails('Analysis service unavailable');
        $documents = Document::factory()->count(AnalyzeDocument::MAX_ERRORS)->create();
        $documents->each(fn (Document $document) => AnalyzeDocument::dispatch($document));
        $this->work(stopWhenEmpty: true);
        $this->assertDatabaseCount('jobs', AnalyzeDocument::MAX_ERRORS);

        // The service is back, but the breaker is open: a new job is held, not run.
        $this->app->forgetInstance(\App\Services\DocumentAnalyzer::class);
        $fresh = Document::factory()->create();
        AnalyzeDocument::dispatch($fresh);
        $this->work();
        $this->assertSame(Document::QUEUED, $fresh->fresh()->status);
        $held = DB::table('jobs')->orderByDesc('id')->first();
        $this->assertGreaterThan(now()->getTimestamp(), (int) $held->available_at);

        // Once the window has passed (the middleware adds a few seconds), everything runs again.
        $this->travel(AnalyzeDocument::DECAY_SECONDS + 10)->seconds();
        $this->work(stopWhenEmpty: true);
        $this->assertDatabaseCount('jobs', 0);
        $this->assertSame(AnalyzeDocument::MAX_ERRORS + 1, Document::where('status', Document::ANALYZED)->count());
    }

    public function test_a_job_that_keeps_failing_gives_up_after_half_an_hour(): void
    {
        $this->analysisFails('Analysis service unavailable');
        $document = Document::factory()->create();
        AnalyzeDocument::dispatch($document);
        $this->work();

        $this->travel(AnalyzeDocument::GIVE_UP_AFTER_MINUTES + 1)->minutes();
        $this->work();

        $this->assertDatabaseCount('jobs', 0);
        $this->assertDatabaseCount('failed_jobs', 1);
        $this->assertSame(Document::FAILED, $document->fresh()->status);
        $this->assertStringContainsString('kept failing for 30 minutes', $document->fresh()->failure_reason);
    }

    private function work(bool $stopWhenEmpty = false): int
    {
        return Artisan::call('queue:work', $stopWhenEmpty ? ['--stop-when-empty' => true, '--sleep' => 0] : ['--once' => true, '--stop-when-empty' => true]);
    }
}

<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use App\Models\User;
use Illuminate\Console\Scheduling\Schedule;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\DB;
use PHPUnit\Framework\Attributes\DataProvider;
use RuntimeException;
use Tests\TestCase;

/**
 * What production queue code needs beyond retries: one job per document at a
 * time, jobs pushed only after their transaction commits, and the tables kept
 * small by the schedule.
 */
class QueueFeaturesTest extends TestCase
{
    use RefreshDatabase;

    protected function setUp(): void
    {
        parent::setUp();

        config(['queue.default' => 'database']);
    }

    public function test_a_document_waits_in_the_queue_once_however_often_it_is_dispatched(): void
    {
        $document = Document::factory()->create();

        AnalyzeDocument::dispatch($document);
        AnalyzeDocument::dispatch($document);
        $this->assertDatabaseCount('jobs', 1);

        // Another document is another job; once the first has run, it may be queued again.
        AnalyzeDocument::dispatch(Document::factory()->create());
        $this->assertDatabaseCount('jobs', 2);
        Artisan::call('queue:work', ['--stop-when-empty' => true, '--sleep' => 0]);
        AnalyzeDocument::dispatch($document);
        $this->assertDatabaseCount('jobs', 1);
    }

    public function test_a_submission_whose_transaction_rolls_back_queues_nothing(): void
    {
        $user = User::factory()->create();

        try {
            DB::transaction(function () use ($user) {
                Document::submit($user, ['title' => 'Never stored', 'body' => 'Some words.', 'notify' => false]);

                throw new RuntimeException('something later in the same transaction failed');
            });
        } catch (RuntimeException) {
            // expected
        }

        $this->assertDatabaseCount('documents', 0);
        $this->assertDatabaseCount('jobs', 0);
    }

    public function test_the_job_is_pushed_only_when_the_transaction_commits(): void
    {
        $user = User::factory()->create();

        DB::transaction(function () use ($user) {
            Document::factory()->for($user)->create();
            AnalyzeDocument::dispatch(Document::firstOrFail());

            $this->assertDatabaseCount('jobs', 0);
        });

        $this->assertDatabaseCount('jobs', 1);
    }

    /**
     * @return array<string, array{string}>
     */
    public static function scheduledCommands(): array
    {
        return [
            'failed jobs older than a week' => ['queue:prune-failed --hours=168'],
            'finished batches' => ['queue:prune-batches --hours=48 --unfinished=168'],
            'old documents' => ['model:prune'],
        ];
    }

    #[DataProvider('scheduledCommands')]
    public function test_the_schedule_prunes_the_queue_tables_daily(string $command): void
    {
        $event = collect(app(Schedule::class)->events())
            ->first(fn ($event) => str_ends_with($event->command, $command));

        $this->assertNotNull($event, "{$command} is scheduled");
        $this->assertSame('0 0 * * *', $event->expression);
    }

    public function test_model_prune_deletes_old_documents_only(): void
    {
        $old = Document::factory()->create(['created_at' => now()->subDays(Document::KEEP_DAYS + 1)]);
        $recent = Document::factory()->create();

        Artisan::call('model:prune', ['--model' => [Document::class]]);

        $this->assertModelMissing($old);
        $this->assertModelExists($recent);
    }
}

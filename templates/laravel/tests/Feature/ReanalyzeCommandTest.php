<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use App\Models\User;
use Illuminate\Bus\PendingBatch;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\Bus;
use Tests\TestCase;

class ReanalyzeCommandTest extends TestCase
{
    use RefreshDatabase;

    public function test_it_queues_every_document_again_as_one_batch(): void
    {
        Bus::fake();
        $documents = Document::factory()->count(2)->analyzed()->create();

        $this->artisan('documents:reanalyze')
            ->expectsOutput('Queued 2 document(s) for analysis.')
            ->assertExitCode(0);

        Bus::assertBatched(function (PendingBatch $batch) use ($documents) {
            return $batch->name === 'Re-analyse 2 document(s)'
                && $batch->allowsFailures()
                && $batch->jobs->map(fn (AnalyzeDocument $job) => $job->document->id)->all() === $documents->modelKeys();
        });
        foreach ($documents as $document) {
            $this->assertSame(Document::QUEUED, $document->fresh()->status);
        }
    }

    public function test_it_can_queue_a_single_document(): void
    {
        Bus::fake();
        [$chosen, $other] = Document::factory()->count(2)->analyzed()->create();

        $this->artisan('documents:reanalyze', ['id' => $chosen->id])->assertExitCode(0);

        Bus::assertBatched(fn (PendingBatch $batch) => $batch->jobs->count() === 1 && $batch->jobs->first()->document->is($chosen));
        $this->assertSame(Document::ANALYZED, $other->fresh()->status);
    }

    public function test_it_refuses_when_there_is_nothing_to_analyse(): void
    {
        Bus::fake();

        $this->artisan('documents:reanalyze', ['id' => 42])
            ->expectsOutput('No document to analyse.')
            ->assertExitCode(1);

        Bus::assertBatchCount(0);
    }

    public function test_a_batch_with_a_failed_job_finishes_once_the_job_is_retried(): void
    {
        config(['queue.default' => 'database']);
        $good = Document::factory()->create();
        $broken = Document::factory()->withoutWords()->create();

        Artisan::call('documents:reanalyze');
        Artisan::call('queue:work', ['--stop-when-empty' => true, '--sleep' => 0]);

        $this->assertSame(Document::ANALYZED, $good->fresh()->status);
        $this->assertSame(Document::FAILED, $broken->fresh()->status);
        $this->actingAs(User::factory()->admin()->create());
        $this->get('/')
            ->assertSee('Re-analyse 2 document(s)')
            ->assertSee('1 of 2 done (50%)')
            ->assertSee('1 failed')
            ->assertSee('waiting for its failed jobs to be retried');

        $broken->update(['body' => 'Fixed at last.']);
        Artisan::call('queue:retry', ['id' => ['all']]);
        Artisan::call('queue:work', ['--stop-when-empty' => true, '--sleep' => 0]);

        $this->assertSame(Document::ANALYZED, $broken->fresh()->status);
        $this->get('/')
            ->assertSee('2 of 2 done (100%)')
            ->assertSee('finished');
    }
}

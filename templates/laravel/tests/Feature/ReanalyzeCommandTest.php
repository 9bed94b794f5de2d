<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Queue;
use Tests\TestCase;

class ReanalyzeCommandTest extends TestCase
{
    use RefreshDatabase;

    public function test_it_queues_every_document_again(): void
    {
        Queue::fake();
        $documents = Document::factory()->count(2)->analyzed()->create();

        $this->artisan('documents:reanalyze')
            ->expectsOutput('Queued 2 document(s) for analysis.')
            ->assertExitCode(0);

        Queue::assertPushed(AnalyzeDocument::class, 2);
        foreach ($documents as $document) {
            $this->assertSame(Document::QUEUED, $document->fresh()->status);
        }
    }

    public function test_it_can_queue_a_single_document(): void
    {
        Queue::fake();
        [$chosen, $other] = Document::factory()->count(2)->analyzed()->create();

        $this->artisan('documents:reanalyze', ['id' => $chosen->id])
            ->expectsOutput('Queued 1 document(s) for analysis.')
            ->assertExitCode(0);

        Queue::assertPushed(AnalyzeDocument::class, fn (AnalyzeDocument $job) => $job->document->is($chosen));
        Queue::assertPushed(AnalyzeDocument::class, 1);
        $this->assertSame(Document::ANALYZED, $other->fresh()->status);
    }
}

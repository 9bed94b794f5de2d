<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Mail\DocumentAnalyzed;
use App\Models\Document;
use App\Models\User;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Mail;
use Tests\TestCase;

class AnalyzeDocumentJobTest extends TestCase
{
    use RefreshDatabase;

    public function test_the_job_stores_the_analysis_and_queues_the_mail_to_the_owner(): void
    {
        Mail::fake();
        $owner = User::factory()->create(['email' => 'reader@example.com']);
        $document = Document::factory()->for($owner)->create([
            'title' => 'Queues',
            'body' => 'Queues keep slow work out of requests. Queues retry work that fails.',
            'notify' => true,
        ]);

        AnalyzeDocument::dispatchSync($document);

        $document->refresh();
        $this->assertSame(Document::ANALYZED, $document->status);
        $this->assertSame(12, $document->word_count);
        $this->assertSame(1, $document->reading_minutes);
        $this->assertSame(['queues', 'work', 'keep', 'slow', 'requests'], $document->keywords);
        $this->assertNotNull($document->analyzed_at);

        Mail::assertQueued(DocumentAnalyzed::class, function (DocumentAnalyzed $mail) use ($document) {
            return $mail->hasTo('reader@example.com') && $mail->document->is($document);
        });
        Mail::assertNotSent(DocumentAnalyzed::class);
    }

    public function test_no_mail_is_queued_unless_asked_for(): void
    {
        Mail::fake();
        $document = Document::factory()->create(['notify' => false]);

        AnalyzeDocument::dispatchSync($document);

        $this->assertSame(Document::ANALYZED, $document->fresh()->status);
        Mail::assertNothingQueued();
    }

    public function test_the_mail_shows_the_results(): void
    {
        $document = Document::factory()->analyzed()->create([
            'title' => 'Weekly report',
            'word_count' => 1234,
            'reading_minutes' => 7,
            'keywords' => ['queues', 'workers'],
        ]);

        $mail = new DocumentAnalyzed($document);

        $mail->assertHasSubject('Analysed: Weekly report');
        $mail->assertSeeInHtml('Weekly report');
        $mail->assertSeeInHtml('1,234 words, about 7');
        $mail->assertSeeInText('Keywords: queues, workers');
        $mail->assertSeeInHtml(route('documents.show', $document), false);
    }

    public function test_a_job_for_a_deleted_document_is_dropped(): void
    {
        config(['queue.default' => 'database']);
        $document = Document::factory()->create();
        AnalyzeDocument::dispatch($document);
        $document->delete();

        $this->artisan('queue:work', ['--once' => true, '--stop-when-empty' => true])->assertExitCode(0);

        $this->assertDatabaseCount('jobs', 0);
        $this->assertDatabaseCount('failed_jobs', 0);
    }
}

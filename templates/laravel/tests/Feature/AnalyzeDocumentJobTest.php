<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Mail\DocumentAnalyzed;
use App\Models\Document;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Mail;
use Tests\TestCase;

class AnalyzeDocumentJobTest extends TestCase
{
    use RefreshDatabase;

    public function test_the_job_stores_the_analysis_and_queues_the_mail(): void
    {
        Mail::fake();
        $document = Document::factory()->create([
            'title' => 'Queues',
            'body' => 'Queues keep slow work out of requests. Queues retry work that fails.',
            'notify_email' => 'reader@example.com',
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

    public function test_no_mail_is_queued_without_an_address(): void
    {
        Mail::fake();
        $document = Document::factory()->create(['notify_email' => null]);

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
        $html = $mail->render();

        $this->assertStringContainsString('Weekly report', $html);
        $this->assertStringContainsString('1,234 words, about 7', $html);
        $this->assertStringContainsString('Keywords: queues, workers', $html);
        $this->assertStringContainsString(route('documents.show', $document), $html);
        $this->assertSame('Analysed: Weekly report', $mail->build()->subject);
    }
}

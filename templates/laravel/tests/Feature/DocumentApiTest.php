<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Queue;
use Tests\TestCase;

class DocumentApiTest extends TestCase
{
    use RefreshDatabase;

    public function test_submitting_a_document_queues_its_analysis_and_answers_202(): void
    {
        Queue::fake();

        $response = $this->postJson('/api/documents', [
            'title' => 'Release notes',
            'body' => 'Workers now retry failed deliveries.',
            'notify_email' => 'editor@example.com',
        ]);

        $document = Document::sole();
        $response->assertStatus(202)
            ->assertHeader('Location', route('api.documents.show', $document))
            ->assertJsonPath('data.id', $document->id)
            ->assertJsonPath('data.status', Document::QUEUED)
            ->assertJsonPath('data.word_count', null);

        Queue::assertPushed(AnalyzeDocument::class, fn (AnalyzeDocument $job) => $job->document->is($document));
        Queue::assertPushed(AnalyzeDocument::class, 1);
    }

    public function test_with_the_sync_queue_the_analysis_is_done_before_the_response(): void
    {
        // phpunit.xml sets QUEUE_CONNECTION=sync: the job runs inside the request.
        $this->postJson('/api/documents', [
            'title' => 'Inline',
            'body' => 'Sync queues run jobs at once.',
        ])->assertStatus(202);

        $document = Document::sole();
        $this->assertSame(Document::ANALYZED, $document->status);
        $this->assertSame(6, $document->word_count);
    }

    public function test_invalid_input_answers_422_with_the_errors(): void
    {
        Queue::fake();

        $this->postJson('/api/documents', [
            'title' => str_repeat('x', 201),
            'notify_email' => 'not an address',
        ])
            ->assertStatus(422)
            ->assertJsonValidationErrors(['title', 'body', 'notify_email'])
            ->assertJsonPath('errors.body.0', 'The text field is required.');

        $this->assertDatabaseCount('documents', 0);
        Queue::assertNothingPushed();
    }

    public function test_api_errors_are_json_even_without_an_accept_header(): void
    {
        $this->post('/api/documents', ['title' => 'No body'])
            ->assertStatus(422)
            ->assertJsonValidationErrors(['body']);

        $this->get('/api/documents/999')->assertNotFound()->assertJsonStructure(['message']);
    }

    public function test_show_returns_the_analysis_and_the_text(): void
    {
        $document = Document::factory()->analyzed()->create();

        $this->getJson("/api/documents/{$document->id}")
            ->assertOk()
            ->assertJsonPath('data.status', Document::ANALYZED)
            ->assertJsonPath('data.word_count', $document->word_count)
            ->assertJsonPath('data.keywords', $document->keywords)
            ->assertJsonPath('data.body', $document->body);
    }

    public function test_index_lists_documents_newest_first_without_their_text(): void
    {
        $older = Document::factory()->create(['created_at' => now()->subHour()]);
        $newer = Document::factory()->create();

        $response = $this->getJson('/api/documents')
            ->assertOk()
            ->assertJsonPath('data.0.id', $newer->id)
            ->assertJsonPath('data.1.id', $older->id)
            ->assertJsonPath('meta.total', 2);

        $this->assertArrayNotHasKey('body', $response->json('data.0'));
    }
}

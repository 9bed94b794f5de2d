<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use App\Models\User;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Queue;
use Tests\TestCase;

class DocumentApiTest extends TestCase
{
    use RefreshDatabase;

    public function test_without_a_token_every_route_answers_401_and_nothing_is_stored(): void
    {
        Queue::fake();
        $document = Document::factory()->create();

        $this->postJson('/api/documents', ['title' => 'Anonymous', 'body' => 'Some words.'])
            ->assertUnauthorized()
            ->assertExactJson(['message' => 'Unauthenticated.']);
        $this->getJson('/api/documents')->assertUnauthorized();
        $this->getJson("/api/documents/{$document->id}")->assertUnauthorized();
        $this->getJson('/api/documents', ['Authorization' => 'Bearer not-a-token'])->assertUnauthorized();

        $this->assertDatabaseCount('documents', 1);
        Queue::assertNothingPushed();
    }

    public function test_submitting_a_document_queues_its_analysis_and_answers_202(): void
    {
        Queue::fake();
        $user = User::factory()->create();

        $response = $this->postJson('/api/documents', [
            'title' => 'Release notes',
            'body' => 'Workers now retry failed deliveries.',
            'notify' => true,
        ], $this->tokenHeaders($user));

        $document = Document::sole();
        $response->assertStatus(202)
            ->assertHeader('Location', route('api.documents.show', $document))
            ->assertJsonPath('data.id', $document->id)
            ->assertJsonPath('data.status', Document::QUEUED)
            ->assertJsonPath('data.notify', true)
            ->assertJsonPath('data.word_count', null);
        $this->assertTrue($document->user->is($user));

        Queue::assertPushed(AnalyzeDocument::class, fn (AnalyzeDocument $job) => $job->document->is($document));
        Queue::assertPushed(AnalyzeDocument::class, 1);
    }

    public function test_with_the_sync_queue_the_analysis_is_done_before_the_response(): void
    {
        // phpunit.xml sets QUEUE_CONNECTION=sync: the job runs inside the request,
        // once the submission's transaction has committed.
        $this->postJson('/api/documents', [
            'title' => 'Inline',
            'body' => 'Sync queues run jobs at once.',
        ], $this->tokenHeaders(User::factory()->create()))
            ->assertStatus(202)
            ->assertJsonPath('data.status', Document::ANALYZED)
            ->assertJsonPath('data.word_count', 6);
    }

    public function test_invalid_input_answers_422_with_the_errors(): void
    {
        Queue::fake();

        $this->postJson('/api/documents', [
            'title' => str_repeat('x', 201),
            'notify' => 'maybe',
        ], $this->tokenHeaders(User::factory()->create()))
            ->assertStatus(422)
            ->assertJsonValidationErrors(['title', 'body', 'notify'])
            ->assertJsonPath('errors.body.0', 'The body field is required.');

        $this->assertDatabaseCount('documents', 0);
        Queue::assertNothingPushed();
    }

    public function test_api_errors_are_json_even_without_an_accept_header(): void
    {
        $this->get('/api/documents')->assertUnauthorized()->assertJsonStructure(['message']);
        $headers = $this->tokenHeaders(User::factory()->create());

        $this->post('/api/documents', ['title' => 'No body'], $headers)
            ->assertStatus(422)
            ->assertJsonValidationErrors(['body']);
        $this->get('/api/documents/999', $headers)->assertNotFound()->assertJsonStructure(['message']);
    }

    public function test_show_returns_the_analysis_and_the_text_to_the_owner_only(): void
    {
        $document = Document::factory()->analyzed()->create();

        $this->getJson("/api/documents/{$document->id}", $this->tokenHeaders($document->user))
            ->assertOk()
            ->assertJsonPath('data.status', Document::ANALYZED)
            ->assertJsonPath('data.word_count', $document->word_count)
            ->assertJsonPath('data.keywords', $document->keywords)
            ->assertJsonPath('data.body', $document->body);

        $this->getJson("/api/documents/{$document->id}", $this->tokenHeaders(User::factory()->create()))
            ->assertNotFound();
    }

    public function test_index_lists_the_users_documents_newest_first_without_text_or_addresses(): void
    {
        $user = User::factory()->create(['email' => 'owner@example.com']);
        $older = Document::factory()->for($user)->create(['created_at' => now()->subHour()]);
        $newer = Document::factory()->for($user)->create();
        Document::factory()->create();

        $response = $this->getJson('/api/documents', $this->tokenHeaders($user))
            ->assertOk()
            ->assertJsonPath('data.0.id', $newer->id)
            ->assertJsonPath('data.1.id', $older->id)
            ->assertJsonPath('meta.total', 2);

        $this->assertArrayNotHasKey('body', $response->json('data.0'));
        $this->assertStringNotContainsString('@', $response->getContent(), 'no e-mail address in the answer');
        $this->getJson('/api/documents?page=0', $this->tokenHeaders($user))->assertStatus(422);
    }

    public function test_a_token_is_stored_only_as_its_hash_and_a_new_one_revokes_the_old(): void
    {
        $user = User::factory()->create();
        $first = $user->issueApiToken();

        $this->assertSame(hash('sha256', $first), $user->fresh()->getAttributes()['api_token']);
        $this->getJson('/api/documents', ['Authorization' => "Bearer {$first}"])->assertOk();

        $second = $user->issueApiToken();
        $this->app['auth']->forgetGuards();
        $this->getJson('/api/documents', ['Authorization' => "Bearer {$first}"])->assertUnauthorized();
        $this->getJson('/api/documents', ['Authorization' => "Bearer {$second}"])->assertOk();
    }
}

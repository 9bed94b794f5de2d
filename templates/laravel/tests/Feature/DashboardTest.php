<?php

namespace Tests\Feature;

use App\Exceptions\DocumentHasNoWords;
use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Queue;
use Tests\TestCase;

class DashboardTest extends TestCase
{
    use RefreshDatabase;

    public function test_the_dashboard_shows_documents_and_the_queue(): void
    {
        config(['queue.default' => 'database']);
        $analyzed = Document::factory()->analyzed()->create(['title' => 'Annual report']);
        $waiting = Document::factory()->create(['title' => 'Fresh draft']);
        AnalyzeDocument::dispatch($waiting);

        $this->get('/')
            ->assertOk()
            ->assertSee('Analyse a text')
            ->assertSee('Annual report')
            ->assertSee('Fresh draft')
            ->assertSee('status-analyzed', false)
            ->assertSee('status-queued', false)
            ->assertSee('Waiting or running (1)')
            ->assertSee('AnalyzeDocument')
            ->assertSee('No failed jobs.')
            ->assertSee(route('documents.show', $analyzed), false);
    }

    public function test_the_dashboard_lists_failed_jobs_with_the_retry_command(): void
    {
        app('queue.failer')->log(
            'database',
            'default',
            json_encode(['uuid' => 'a3c1e0de-5b7f-4a52-9d0e-2f6b8c4d1e90', 'displayName' => AnalyzeDocument::class]),
            DocumentHasNoWords::inText('?!'),
        );

        $this->get('/')
            ->assertOk()
            ->assertSee('Failed (1)')
            ->assertSee('DocumentHasNoWords: The text has no words to analyse')
            ->assertDontSee('DocumentHasNoWords.php')
            ->assertSee('php artisan queue:retry a3c1e0de-5b7f-4a52-9d0e-2f6b8c4d1e90');
    }

    public function test_the_form_queues_a_document_and_redirects(): void
    {
        Queue::fake();

        $this->post('/documents', [
            'title' => 'From the form',
            'body' => 'Typed into the dashboard.',
        ])
            ->assertRedirect(route('dashboard'))
            ->assertSessionHas('status');

        Queue::assertPushed(AnalyzeDocument::class, fn ($job) => $job->document->title === 'From the form');
    }

    public function test_the_form_shows_validation_errors(): void
    {
        $this->from('/')
            ->post('/documents', ['title' => '', 'body' => ''])
            ->assertRedirect('/')
            ->assertSessionHasErrors(['title', 'body']);

        $this->followingRedirects()
            ->from('/')
            ->post('/documents', ['title' => 'Only a title'])
            ->assertOk()
            ->assertSee('The text field is required.');
    }

    public function test_the_document_page_explains_a_failure(): void
    {
        $document = Document::factory()->failed()->create();

        $this->get(route('documents.show', $document))
            ->assertOk()
            ->assertSee($document->title)
            ->assertSee('The text has no words to analyse.')
            ->assertSee('php artisan queue:retry all');
    }
}

<?php

namespace Tests\Feature;

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

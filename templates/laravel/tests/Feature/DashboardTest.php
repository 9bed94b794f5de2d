<?php

namespace Tests\Feature;

use App\Exceptions\DocumentHasNoWords;
use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use App\Models\User;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Queue;
use Illuminate\Support\Str;
use Tests\TestCase;

class DashboardTest extends TestCase
{
    use RefreshDatabase;

    public function test_each_user_sees_only_their_own_documents(): void
    {
        $ada = User::factory()->create();
        Document::factory()->for($ada)->analyzed()->create(['title' => 'Annual report']);
        Document::factory()->create(['title' => 'Someone else’s draft', 'body' => 'Private words of another user.']);

        $this->actingAs($ada)->get('/')
            ->assertOk()
            ->assertSee('Analyse a text')
            ->assertSee('Annual report')
            ->assertSee('status-analyzed', false)
            ->assertDontSee('Someone else’s draft');
    }

    public function test_the_queue_panel_is_only_for_admins(): void
    {
        config(['queue.default' => 'database']);
        $admin = User::factory()->admin()->create();
        $waiting = Document::factory()->for($admin)->create(['title' => 'Fresh draft']);
        AnalyzeDocument::dispatch($waiting);

        $this->actingAs($admin)->get('/')
            ->assertSee('Waiting or running (1)')
            ->assertSee('AnalyzeDocument')
            ->assertSee('No failed jobs.');

        $this->actingAs(User::factory()->create())->get('/')
            ->assertOk()
            ->assertDontSee('Waiting or running')
            ->assertDontSee('No failed jobs.');
    }

    public function test_failed_jobs_are_listed_a_page_at_a_time_with_the_retry_command(): void
    {
        $uuids = [];
        for ($i = 0; $i < 12; $i++) {
            $uuids[] = $uuid = (string) Str::uuid();
            app('queue.failer')->log('database', 'default', json_encode(['uuid' => $uuid, 'displayName' => AnalyzeDocument::class]), DocumentHasNoWords::inText('?!'));
        }
        $admin = User::factory()->admin()->create();

        DB::enableQueryLog();
        $this->actingAs($admin)->get('/')
            ->assertOk()
            ->assertSee('Failed (12)')
            ->assertSee('DocumentHasNoWords: The text has no words to analyse')
            ->assertDontSee('DocumentHasNoWords.php')
            ->assertSee("php artisan queue:retry {$uuids[11]}")
            ->assertSee("php artisan queue:retry {$uuids[2]}")
            ->assertDontSee("php artisan queue:retry {$uuids[1]}")
            ->assertSee('failed=2', false);
        $failedQueries = collect(DB::getQueryLog())->pluck('query')->filter(fn (string $sql) => str_contains($sql, 'failed_jobs'));
        $this->assertTrue($failedQueries->contains(fn (string $sql) => str_contains($sql, 'limit 10')), 'one page is read, not the table');

        $this->actingAs($admin)->get('/?failed=2')
            ->assertSee("php artisan queue:retry {$uuids[1]}")
            ->assertDontSee("php artisan queue:retry {$uuids[2]}");
    }

    public function test_the_form_queues_a_document_of_the_user_and_redirects(): void
    {
        Queue::fake();
        $user = User::factory()->create();

        $this->actingAs($user)->post('/documents', [
            'title' => 'From the form',
            'body' => 'Typed into the dashboard.',
            'notify' => '1',
        ])
            ->assertRedirect(route('dashboard'))
            ->assertSessionHas('status');

        $document = Document::sole();
        $this->assertTrue($document->user->is($user));
        $this->assertTrue($document->notify);
        Queue::assertPushed(AnalyzeDocument::class, fn ($job) => $job->document->is($document));
    }

    public function test_the_form_shows_validation_errors(): void
    {
        $this->actingAs(User::factory()->create());

        $this->from('/')
            ->post('/documents', ['title' => '', 'body' => ''])
            ->assertRedirect('/')
            ->assertSessionHasErrors(['title', 'body']);

        $this->followingRedirects()
            ->from('/')
            ->post('/documents', ['title' => 'Only a title'])
            ->assertOk()
            ->assertSee('The body field is required.');
    }

    public function test_the_document_page_explains_a_failure_to_its_owner_only(): void
    {
        $document = Document::factory()->failed()->create();

        $this->actingAs($document->user)->get(route('documents.show', $document))
            ->assertOk()
            ->assertSee($document->title)
            ->assertSee('The text has no words to analyse.')
            ->assertSee('php artisan queue:retry all');

        $this->actingAs(User::factory()->create())->get(route('documents.show', $document))->assertNotFound();
        $this->actingAs($document->user)->get('/documents/99999999999999999999')->assertNotFound();
    }
}

<?php

namespace Tests\Feature;

use App\Http\Resources\DocumentResource;
use App\Models\Document;
use App\Models\User;
use App\Providers\AppServiceProvider;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Routing\Route;
use Illuminate\Support\Facades\Queue;
use Illuminate\Support\Facades\Route as Router;
use PHPUnit\Framework\ExpectationFailedException;
use Tests\Support\OpenApiDocument;
use Tests\TestCase;

/**
 * GET /openapi.json describes the API as it is: every /api route is in it, every
 * operation in it is a route, and every answer below — successes and errors —
 * has a status, headers and a body the document promises.
 */
class OpenApiTest extends TestCase
{
    use RefreshDatabase;

    private OpenApiDocument $openapi;

    protected function setUp(): void
    {
        parent::setUp();

        $this->openapi = new OpenApiDocument();
    }

    public function test_the_document_is_served_as_openapi_3_1(): void
    {
        $this->get('/openapi.json')
            ->assertOk()
            ->assertHeader('Content-Type', 'application/json')
            ->assertJsonPath('openapi', '3.1.0')
            ->assertJsonPath('info.title', config('app.name').' API')
            ->assertJsonPath('paths', $this->openapi->document['paths']);
    }

    public function test_the_document_lists_exactly_the_api_routes(): void
    {
        $routes = collect(Router::getRoutes()->getRoutes())
            ->filter(fn (Route $route) => str_starts_with($route->uri(), 'api/'))
            ->flatMap(fn (Route $route) => collect($route->methods())
                ->reject(fn (string $method) => $method === 'HEAD')
                ->map(fn (string $method) => "{$method} /{$route->uri()}"))
            ->sort()
            ->values()
            ->all();

        $this->assertSame($routes, $this->openapi->operations());
    }

    public function test_successful_answers_match_the_document(): void
    {
        Queue::fake();
        $user = User::factory()->create();
        $document = Document::factory()->for($user)->analyzed()->create();
        Document::factory()->for($user)->failed()->create();
        $headers = $this->tokenHeaders($user);

        $this->openapi->assertConforms('GET', '/api/documents', $this->getJson('/api/documents', $headers)->assertOk());
        $this->openapi->assertConforms('GET', '/api/documents/{document}', $this->getJson("/api/documents/{$document->id}", $headers)->assertOk());
        $this->openapi->assertConforms('POST', '/api/documents', $this->postJson('/api/documents', ['title' => 'New', 'body' => 'Some words.', 'notify' => true], $headers)->assertStatus(202));
    }

    public function test_error_answers_match_the_document(): void
    {
        $user = User::factory()->create();
        $headers = $this->tokenHeaders($user);

        $this->openapi->assertConforms('GET', '/api/documents', $this->getJson('/api/documents')->assertUnauthorized());
        $this->openapi->assertConforms('GET', '/api/documents', $this->getJson('/api/documents?page=-3', $headers)->assertStatus(422));
        $this->openapi->assertConforms('POST', '/api/documents', $this->postJson('/api/documents', ['title' => ''], $headers)->assertStatus(422));
        $this->openapi->assertConforms('GET', '/api/documents/{document}', $this->getJson('/api/documents/42', $headers)->assertNotFound());

        for ($i = 0; $i < AppServiceProvider::SUBMISSIONS_PER_MINUTE; $i++) {
            $this->postJson('/api/documents', ['title' => ''], $headers);
        }
        $this->openapi->assertConforms('POST', '/api/documents', $this->postJson('/api/documents', ['title' => ''], $headers)->assertStatus(429));
    }

    public function test_a_body_over_the_size_limit_answers_413_as_documented(): void
    {
        $headers = $this->tokenHeaders(User::factory()->create());
        $tooLarge = ini_parse_quantity((string) ini_get('post_max_size')) + 1;

        $response = $this->call('POST', '/api/documents', server: $this->transformHeadersToServerVars($headers + [
            'Content-Type' => 'application/json',
            'Accept' => 'application/json',
        ]) + ['CONTENT_LENGTH' => (string) $tooLarge], content: '{}');

        $this->openapi->assertConforms('POST', '/api/documents', $response->assertStatus(413));
    }

    public function test_the_document_catches_an_undocumented_field(): void
    {
        $schema = ['$ref' => '#/components/schemas/Document'];
        $leaky = (new DocumentResource(Document::factory()->analyzed()->create()))->resolve() + ['notify_email' => 'someone@example.com'];

        try {
            $this->openapi->assertMatches($schema, json_decode(json_encode($leaky), true), 'Document');
        } catch (ExpectationFailedException $e) {
            $this->assertStringContainsString('property notify_email is not in the document', $e->getMessage());

            return;
        }
        $this->fail('an e-mail address in a Document went unnoticed');
    }
}

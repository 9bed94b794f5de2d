<?php

namespace Tests\Feature;

use App\Jobs\AnalyzeDocument;
use App\Models\User;
use App\Providers\AppServiceProvider;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Queue;
use Tests\TestCase;

/**
 * Production defaults: security headers on every answer, HSTS and Secure cookies
 * over HTTPS (also behind a trusted proxy), no debug details with APP_DEBUG off,
 * CSRF on every form, and the submission limits of the form and the API.
 */
class SecurityTest extends TestCase
{
    use RefreshDatabase;

    public function test_every_answer_carries_the_security_headers(): void
    {
        foreach (['/login', '/no-such-page', '/api/documents', '/up'] as $uri) {
            $this->get($uri)
                ->assertHeader('X-Content-Type-Options', 'nosniff')
                ->assertHeader('X-Frame-Options', 'DENY')
                ->assertHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
                ->assertHeader('Content-Security-Policy')
                ->assertHeaderMissing('Strict-Transport-Security');
        }
    }

    public function test_over_https_hsts_is_sent_and_the_cookies_are_secure(): void
    {
        $response = $this->get('https://localhost/login')
            ->assertHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');

        $session = $response->getCookie(config('session.cookie'), false);
        $this->assertTrue($session->isSecure());
        $this->assertTrue($session->isHttpOnly());
        $this->assertSame('lax', $session->getSameSite());
        $this->assertTrue($response->getCookie('XSRF-TOKEN', false)->isSecure());
    }

    public function test_over_plain_http_the_cookies_are_not_secure(): void
    {
        $response = $this->get('http://localhost/login');

        $this->assertFalse($response->getCookie(config('session.cookie'), false)->isSecure());
    }

    public function test_a_forwarded_proto_counts_only_from_a_trusted_proxy(): void
    {
        $forwarded = ['X-Forwarded-Proto' => 'https'];

        $this->get('/login', $forwarded)->assertHeaderMissing('Strict-Transport-Security');

        config(['trustedproxy.proxies' => '127.0.0.1']);
        $this->get('/login', $forwarded)->assertHeader('Strict-Transport-Security');
    }

    public function test_a_form_post_without_the_csrf_token_is_refused(): void
    {
        $user = User::factory()->create();
        // Laravel skips the CSRF check while unit tests run; look like a server.
        $this->app['env'] = 'local';

        $this->actingAs($user)
            ->post('/documents', ['title' => 'No token', 'body' => 'Some words.'])
            ->assertStatus(419);
        $this->post('/login', ['email' => $user->email, 'password' => 'password'])->assertStatus(419);
        $this->assertDatabaseCount('documents', 0);

        $this->withSession(['_token' => 'the-token'])
            ->post('/documents', ['_token' => 'the-token', 'title' => 'With the token', 'body' => 'Some words.'])
            ->assertRedirect(route('dashboard'));
        $this->assertDatabaseCount('documents', 1);
    }

    public function test_without_debug_errors_show_no_stack_trace(): void
    {
        config(['app.debug' => false]);

        $json = $this->deleteJson('/api/documents')->assertStatus(405);
        $this->assertSame(['message'], array_keys($json->json()));

        $page = $this->put('/login')->assertStatus(405);
        $this->assertStringNotContainsString('MethodNotAllowedHttpException', $page->getContent());
        $this->assertStringNotContainsString('vendor/', $page->getContent());
    }

    public function test_with_debug_errors_show_the_trace(): void
    {
        config(['app.debug' => true]);

        $this->deleteJson('/api/documents')->assertStatus(405)->assertJsonStructure(['message', 'exception', 'trace']);
    }

    public function test_submissions_through_the_api_are_rate_limited(): void
    {
        Queue::fake();
        $headers = $this->tokenHeaders(User::factory()->create());
        $document = ['title' => 'Again', 'body' => 'Some words.'];

        for ($i = 0; $i < AppServiceProvider::SUBMISSIONS_PER_MINUTE; $i++) {
            $this->postJson('/api/documents', $document, $headers)->assertStatus(202);
        }

        $this->postJson('/api/documents', $document, $headers)
            ->assertStatus(429)
            ->assertHeader('Retry-After');
        Queue::assertPushed(AnalyzeDocument::class, AppServiceProvider::SUBMISSIONS_PER_MINUTE);

        // Reading stays possible under the api group's own, wider limit.
        $this->getJson('/api/documents', $headers)->assertOk();
    }

    public function test_the_web_form_shares_the_submission_limit(): void
    {
        Queue::fake();
        $user = User::factory()->create();
        $document = ['title' => 'Again', 'body' => 'Some words.'];

        for ($i = 0; $i < AppServiceProvider::SUBMISSIONS_PER_MINUTE; $i++) {
            $this->actingAs($user)->post('/documents', $document)->assertRedirect(route('dashboard'));
        }

        $this->actingAs($user)->post('/documents', $document)->assertStatus(429);
        $this->postJson('/api/documents', $document, $this->tokenHeaders($user))->assertStatus(429);
        Queue::assertPushed(AnalyzeDocument::class, AppServiceProvider::SUBMISSIONS_PER_MINUTE);

        // Another user has a budget of their own.
        $this->actingAs(User::factory()->create())->post('/documents', $document)->assertRedirect(route('dashboard'));
    }
}

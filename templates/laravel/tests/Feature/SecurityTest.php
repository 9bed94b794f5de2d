<?php

namespace Tests\Feature;

use App\Providers\RouteServiceProvider;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Queue;
use Tests\TestCase;

/**
 * Production defaults: security headers on every answer, HSTS and Secure cookies
 * over HTTPS (also behind a trusted proxy), no debug details with APP_DEBUG off,
 * and the submission rate limit. CSRF is off inside PHPUnit (Laravel skips it for
 * tests); the smoke checks post the form without a token to a real server.
 */
class SecurityTest extends TestCase
{
    use RefreshDatabase;

    public function test_every_answer_carries_the_security_headers(): void
    {
        foreach (['/', '/no-such-page', '/api/documents'] as $uri) {
            $this->get($uri)
                ->assertHeader('X-Content-Type-Options', 'nosniff')
                ->assertHeader('X-Frame-Options', 'DENY')
                ->assertHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
                ->assertHeaderMissing('Strict-Transport-Security');
        }
    }

    public function test_over_https_hsts_is_sent_and_the_cookies_are_secure(): void
    {
        $response = $this->get('https://localhost/')
            ->assertHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');

        $session = $response->getCookie(config('session.cookie'), false);
        $this->assertTrue($session->isSecure());
        $this->assertTrue($session->isHttpOnly());
        $this->assertSame('lax', $session->getSameSite());
        $this->assertTrue($response->getCookie('XSRF-TOKEN', false)->isSecure());
    }

    public function test_over_plain_http_the_cookies_are_not_secure(): void
    {
        $response = $this->get('http://localhost/');

        $this->assertFalse($response->getCookie(config('session.cookie'), false)->isSecure());
    }

    public function test_a_forwarded_proto_counts_only_from_a_trusted_proxy(): void
    {
        $forwarded = ['X-Forwarded-Proto' => 'https'];

        $this->get('/', $forwarded)->assertHeaderMissing('Strict-Transport-Security');

        config(['trustedproxy.proxies' => '127.0.0.1']);
        $this->get('/', $forwarded)->assertHeader('Strict-Transport-Security');
    }

    public function test_without_debug_errors_show_no_stack_trace(): void
    {
        config(['app.debug' => false]);

        $json = $this->deleteJson('/api/documents')->assertStatus(405);
        $this->assertSame(['message'], array_keys($json->json()));

        $page = $this->put('/')->assertStatus(405);
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
        $document = ['title' => 'Again', 'body' => 'Some words.'];

        for ($i = 0; $i < RouteServiceProvider::SUBMISSIONS_PER_MINUTE; $i++) {
            $this->postJson('/api/documents', $document)->assertStatus(202);
        }

        $this->postJson('/api/documents', $document)
            ->assertStatus(429)
            ->assertHeader('Retry-After');
        Queue::assertPushed(\App\Jobs\AnalyzeDocument::class, RouteServiceProvider::SUBMISSIONS_PER_MINUTE);

        // Reading stays possible under the api group's own, wider limit.
        $this->getJson('/api/documents')->assertOk();
    }
}

<?php

namespace Tests\Feature;

use App\Http\Requests\Auth\LoginRequest;
use App\Models\User;
use Illuminate\Auth\Events\Attempting;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Hashing\HashManager;
use Illuminate\Support\Facades\Event;
use Illuminate\Support\Facades\Hash;
use Illuminate\Support\Facades\RateLimiter;
use Tests\TestCase;

class AuthTest extends TestCase
{
    use RefreshDatabase;

    public function test_guests_are_sent_to_the_login_form(): void
    {
        $this->get('/')->assertRedirect(route('login'));
        $this->get(route('login'))->assertOk()->assertSee('Sign in');
    }

    public function test_a_user_signs_in_with_the_session_guard_and_gets_a_new_session_id(): void
    {
        $user = User::factory()->create(['email' => 'ada@example.com']);
        $this->get(route('login'));
        $before = session()->getId();

        $this->post(route('login.store'), ['email' => 'Ada@Example.com', 'password' => 'password'])
            ->assertRedirect(route('dashboard'));

        $this->assertAuthenticatedAs($user, 'web');
        $this->assertNotSame($before, session()->getId());
    }

    public function test_a_wrong_password_is_refused_with_one_message_for_every_case(): void
    {
        User::factory()->create(['email' => 'ada@example.com']);

        $this->from(route('login'))
            ->post(route('login.store'), ['email' => 'ada@example.com', 'password' => 'wrong'])
            ->assertRedirect(route('login'))
            ->assertSessionHasErrors(['email' => trans('auth.failed')]);
        $this->from(route('login'))
            ->post(route('login.store'), ['email' => 'nobody@example.com', 'password' => 'wrong'])
            ->assertSessionHasErrors(['email' => trans('auth.failed')]);

        $this->assertGuest();
    }

    public function test_an_unknown_address_costs_a_password_check_like_a_known_one(): void
    {
        // Without it, a wrong password for an existing account would answer slower
        // than one for an address nobody uses: a way to find the accounts.
        $hasher = new class($this->app) extends HashManager {
            public int $checks = 0;

            public function check(#[\SensitiveParameter] $value, $hashedValue, array $options = [])
            {
                $this->checks++;

                return parent::check($value, $hashedValue, $options);
            }
        };
        Hash::swap($hasher);

        $this->post(route('login.store'), ['email' => 'nobody@example.com', 'password' => 'a guess'])
            ->assertSessionHasErrors(['email' => trans('auth.failed')]);

        $this->assertSame(1, $hasher->checks);
    }

    public function test_past_the_limit_the_password_is_not_even_checked(): void
    {
        User::factory()->create(['email' => 'ada@example.com']);
        $checked = 0;
        Event::listen(Attempting::class, function () use (&$checked) {
            $checked++;
        });

        for ($i = 0; $i < LoginRequest::MAX_ATTEMPTS; $i++) {
            $this->post(route('login.store'), ['email' => 'ada@example.com', 'password' => "guess {$i}"])->assertRedirect();
        }
        // The right password now: refused all the same, before any check.
        $this->post(route('login.store'), ['email' => 'ADA@example.com', 'password' => 'password'])
            ->assertStatus(429)
            ->assertHeader('Retry-After');

        $this->assertSame(LoginRequest::MAX_ATTEMPTS, $checked);
        $this->assertGuest();
    }

    public function test_the_attempt_is_counted_before_the_password_is_checked(): void
    {
        User::factory()->create(['email' => 'ada@example.com']);
        $counted = null;
        Event::listen(Attempting::class, function () use (&$counted) {
            $counted = RateLimiter::attempts('ada@example.com|127.0.0.1');
        });

        $this->post(route('login.store'), ['email' => 'ada@example.com', 'password' => 'wrong']);

        $this->assertSame(1, $counted, 'the counter already held this attempt when the password was checked');
    }

    public function test_signing_in_clears_the_counter_and_signing_out_ends_the_session(): void
    {
        $user = User::factory()->create(['email' => 'ada@example.com']);
        $this->post(route('login.store'), ['email' => 'ada@example.com', 'password' => 'wrong']);
        $this->post(route('login.store'), ['email' => 'ada@example.com', 'password' => 'password']);

        $this->assertSame(0, RateLimiter::attempts('ada@example.com|127.0.0.1'));

        $this->actingAs($user)->post(route('logout'))->assertRedirect(route('login'));
        $this->assertGuest('web');
    }

    public function test_signed_in_users_skip_the_login_form(): void
    {
        $this->actingAs(User::factory()->create())->get(route('login'))->assertRedirect(route('dashboard'));
    }

    public function test_addresses_are_unique_whatever_their_case(): void
    {
        User::factory()->create(['email' => 'Ada@Example.com']);

        $this->assertDatabaseHas('users', ['email' => 'ada@example.com']);
        $this->expectException(\Illuminate\Database\UniqueConstraintViolationException::class);
        User::factory()->create(['email' => 'ADA@example.com']);
    }
}

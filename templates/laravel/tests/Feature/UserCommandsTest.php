<?php

namespace Tests\Feature;

use App\Models\User;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\Hash;
use Tests\TestCase;

class UserCommandsTest extends TestCase
{
    use RefreshDatabase;

    public function test_users_create_asks_for_the_password(): void
    {
        $this->artisan('users:create', ['email' => 'Ada@Example.com', 'name' => 'Ada', '--admin' => true])
            ->expectsQuestion('Password', 'a long passphrase')
            ->expectsOutput('User ada@example.com created (admin).')
            ->assertExitCode(0);

        $user = User::sole();
        $this->assertTrue(Hash::check('a long passphrase', $user->password));
        $this->assertTrue($user->is_admin);
    }

    public function test_without_a_terminal_a_random_password_is_printed_once(): void
    {
        Artisan::call('users:create', ['email' => 'bot@example.com', '--no-interaction' => true]);

        $output = Artisan::output();

        $this->assertSame(1, preg_match('/Password: (\S{20})$/m', $output, $match), $output);
        $this->assertTrue(Hash::check($match[1], User::sole()->password));
        $this->assertFalse(User::sole()->is_admin);
    }

    public function test_an_existing_address_is_refused(): void
    {
        User::factory()->create(['email' => 'ada@example.com']);

        $this->artisan('users:create', ['email' => 'ADA@example.com', '--no-interaction' => true])->assertExitCode(1);
        $this->assertDatabaseCount('users', 1);
    }

    public function test_users_token_prints_a_token_that_signs_in_to_the_api(): void
    {
        User::factory()->create(['email' => 'ada@example.com']);

        $this->assertSame(0, Artisan::call('users:token', ['email' => 'ada@example.com']));
        $token = trim(Artisan::output());

        $this->getJson('/api/documents', ['Authorization' => "Bearer {$token}"])->assertOk();
        $this->artisan('users:token', ['email' => 'nobody@example.com'])->assertExitCode(1);
    }
}

<?php

namespace Database\Seeders;

use App\Models\Document;
use App\Models\User;
use Illuminate\Database\Seeder;

class DatabaseSeeder extends Seeder
{
    /**
     * `php artisan db:seed`: an admin to sign in with (test@example.com, password
     * "password"; for development only) and a few of their documents in every
     * state, so the dashboard has something to show.
     */
    public function run(): void
    {
        // Seeding again adds documents but keeps the one test user.
        $user = User::query()->where('email', 'test@example.com')->first()
            ?? User::factory()->admin()->create(['name' => 'Test User', 'email' => 'test@example.com']);

        Document::factory()->count(3)->analyzed()->for($user)->create();
        Document::factory()->failed()->withoutWords()->for($user)->create();
    }
}

<?php

namespace Database\Seeders;

use App\Models\Document;
use App\Models\User;
use Illuminate\Database\Seeder;

class DatabaseSeeder extends Seeder
{
    /**
     * `php artisan db:seed`: a user to sign in with (password: "password") and a few documents in every
     * state, so the dashboard has something to show.
     */
    public function run(): void
    {
        // Seeding again adds documents but keeps the one test user.
        User::query()->firstOrCreate(
            ['email' => 'test@example.com'],
            User::factory()->raw(['name' => 'Test User']),
        );

        Document::factory()->count(3)->analyzed()->create();
        Document::factory()->failed()->withoutWords()->create();
    }
}

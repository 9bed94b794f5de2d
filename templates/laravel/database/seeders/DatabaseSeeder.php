<?php

namespace Database\Seeders;

use App\Models\Document;
use App\Models\User;
use Illuminate\Database\Seeder;

class DatabaseSeeder extends Seeder
{
    /**
     * `php artisan db:seed`: a user to sign in with and a few documents in every
     * state, so the dashboard has something to show.
     */
    public function run(): void
    {
        User::factory()->create([
            'name' => 'Test User',
            'email' => 'test@example.com',
        ]);

        Document::factory()->count(3)->analyzed()->create();
        Document::factory()->failed()->withoutWords()->create();
    }
}

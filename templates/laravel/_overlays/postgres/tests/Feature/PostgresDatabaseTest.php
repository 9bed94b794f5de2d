<?php

namespace Tests\Feature;

use App\Models\Document;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;
use Tests\TestCase;

/**
 * The suite runs on PostgreSQL (DATABASE_URL, or the test database in phpunit.xml),
 * with the same migrations as production.
 */
class PostgresDatabaseTest extends TestCase
{
    use RefreshDatabase;

    public function test_the_tests_run_on_postgresql(): void
    {
        $this->assertSame('pgsql', DB::connection()->getDriverName());
        $this->assertStringStartsWith('PostgreSQL', DB::selectOne('select version() as version')->version);
    }

    public function test_the_migrations_created_the_queue_tables(): void
    {
        foreach (['documents', 'jobs', 'failed_jobs', 'job_batches'] as $table) {
            $this->assertTrue(Schema::hasTable($table), "table {$table}");
        }
    }

    public function test_keywords_round_trip_through_a_json_column(): void
    {
        $document = Document::factory()->analyzed()->create();

        $this->assertIsArray($document->fresh()->keywords);
        $this->assertSame($document->keywords, $document->fresh()->keywords);
    }
}

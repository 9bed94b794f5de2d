<?php

namespace Tests\Feature;

use App\Http\Requests\Auth\LoginRequest;
use App\Models\User;
use Illuminate\Process\Pool;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\File;
use Illuminate\Support\Facades\Process;
use Illuminate\Support\Str;
use Tests\TestCase;

/**
 * Many wrong log-ins at the same moment, each in its own PHP process (as several
 * PHP-FPM or `php artisan serve` workers run them), sharing one database and one
 * file cache: no more passwords get checked than the limit allows, because each
 * attempt is counted atomically before its password is checked.
 */
class LoginBurstTest extends TestCase
{
    private const PARALLEL = 12;

    private string $folder;

    protected function setUp(): void
    {
        parent::setUp();

        $this->folder = sys_get_temp_dir().'/login-burst-'.Str::lower(Str::random(10));
        File::ensureDirectoryExists("{$this->folder}/cache");
        touch("{$this->folder}/database.sqlite");
        touch("{$this->folder}/checked");
        config(['database.connections.burst' => [
            'driver' => 'sqlite',
            'database' => "{$this->folder}/database.sqlite",
            'prefix' => '',
            'foreign_key_constraints' => true,
        ]]);
        Artisan::call('migrate', ['--database' => 'burst', '--force' => true]);
    }

    protected function tearDown(): void
    {
        File::deleteDirectory($this->folder);

        parent::tearDown();
    }

    public function test_parallel_wrong_log_ins_get_no_more_password_checks_than_the_limit(): void
    {
        $user = User::factory()->connection('burst')->create();

        // Every process boots, then all attempt at the same moment.
        $start = (string) (microtime(true) + 3);
        $results = Process::pool(function (Pool $pool) use ($user, $start) {
            for ($i = 0; $i < self::PARALLEL; $i++) {
                $pool->path(base_path())->timeout(60)->command([PHP_BINARY, 'tests/Support/login-attempt.php', $this->folder, $user->email, $start]);
            }
        })->start()->wait();

        $statuses = collect($results)->map(function ($result) {
            $this->assertTrue($result->successful(), $result->errorOutput());

            return (int) $result->output();
        });
        $checked = count(file("{$this->folder}/checked"));

        $this->assertSame(LoginRequest::MAX_ATTEMPTS, $checked, 'passwords checked');
        $this->assertSame(LoginRequest::MAX_ATTEMPTS, $statuses->filter(fn (int $status) => $status === 302)->count(), 'refused as wrong');
        $this->assertSame(self::PARALLEL - LoginRequest::MAX_ATTEMPTS, $statuses->filter(fn (int $status) => $status === 429)->count(), 'refused by the throttle');
    }
}

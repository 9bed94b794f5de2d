<?php

namespace App\Console;

use Illuminate\Console\Scheduling\Schedule;
use Illuminate\Foundation\Console\Kernel as ConsoleKernel;

class Kernel extends ConsoleKernel
{
    /**
     * The application's scheduled tasks (run by `php artisan schedule:run` from cron).
     */
    protected function schedule(Schedule $schedule): void
    {
        // Failed jobs are kept for inspection and `queue:retry`; forget them after a week.
        $schedule->command('queue:prune-failed', ['--hours' => 24 * 7])->daily();
    }

    /**
     * Register the application's Artisan commands.
     */
    protected function commands(): void
    {
        $this->load(__DIR__.'/Commands');

        require base_path('routes/console.php');
    }
}

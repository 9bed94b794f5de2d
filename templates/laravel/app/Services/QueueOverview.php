<?php

namespace App\Services;

use Illuminate\Bus\BatchRepository;
use Illuminate\Contracts\Config\Repository as Config;
use Illuminate\Database\ConnectionResolverInterface;
use Illuminate\Queue\Failed\FailedJobProviderInterface;
use Illuminate\Support\Carbon;
use Illuminate\Support\Collection;
use Illuminate\Support\Str;

/**
 * What the queue holds right now, for the dashboard: jobs waiting or running
 * (read from the database queue's table), jobs that failed for good, and the
 * progress of recent job batches.
 */
class QueueOverview
{
    public function __construct(
        private Config $config,
        private ConnectionResolverInterface $db,
        private FailedJobProviderInterface $failer,
        private BatchRepository $batches,
    ) {
    }

    /** The default queue connection's name, e.g. "database". */
    public function connection(): string
    {
        return (string) $this->config->get('queue.default');
    }

    /** Pending jobs can be listed only when they live in our own database. */
    public function isDatabaseQueue(): bool
    {
        return $this->config->get("queue.connections.{$this->connection()}.driver") === 'database';
    }

    /**
     * Oldest first: what a worker picks up next.
     *
     * @return Collection<int, object{id: int, name: string, queue: string, attempts: int, running: bool, available_at: Carbon}>
     */
    public function pending(int $limit = 10): Collection
    {
        if (! $this->isDatabaseQueue()) {
            return collect();
        }

        $settings = $this->config->get("queue.connections.{$this->connection()}");

        return $this->db->connection($settings['connection'] ?? null)
            ->table($settings['table'])
            ->orderBy('id')
            ->limit($limit)
            ->get()
            ->map(fn (object $row) => (object) [
                'id' => (int) $row->id,
                'name' => $this->displayName($row->payload),
                'queue' => $row->queue,
                'attempts' => (int) $row->attempts,
                'running' => $row->reserved_at !== null,
                'available_at' => Carbon::createFromTimestamp($row->available_at),
            ]);
    }

    /**
     * Newest first; `id` is what `php artisan queue:retry` takes.
     *
     * @return Collection<int, object{id: string, name: string, queue: string, error: string, failed_at: Carbon}>
     */
    public function failed(int $limit = 10): Collection
    {
        return collect($this->failer->all())
            ->take($limit)
            ->map(fn (object $row) => (object) [
                'id' => (string) $row->id,
                'name' => $this->displayName($row->payload),
                'queue' => $row->queue,
                'error' => $this->summary((string) $row->exception),
                'failed_at' => Carbon::parse($row->failed_at),
            ]);
    }

    /**
     * "DocumentHasNoWords: The text has no words…" from the stored trace's first line
     * (without the namespace and the " in /path/File.php:12" that follows).
     */
    private function summary(string $exception): string
    {
        $line = preg_replace('/ in \S+:\d+$/', '', strtok($exception, "\n") ?: '');
        [$class, $message] = array_pad(explode(': ', $line, 2), 2, '');

        return Str::limit(class_basename($class).': '.$message, 200);
    }

    /**
     * Newest first.
     *
     * @return Collection<int, \Illuminate\Bus\Batch>
     */
    public function batches(int $limit = 5): Collection
    {
        return collect($this->batches->get($limit, null));
    }

    private function displayName(string $payload): string
    {
        return json_decode($payload, true)['displayName'] ?? 'unknown job';
    }
}

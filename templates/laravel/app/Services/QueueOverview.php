<?php

namespace App\Services;

use Illuminate\Bus\BatchRepository;
use Illuminate\Contracts\Config\Repository as Config;
use Illuminate\Contracts\Redis\Factory as Redis;
use Illuminate\Database\ConnectionResolverInterface;
use Illuminate\Pagination\LengthAwarePaginator;
use Illuminate\Queue\Failed\FailedJobProviderInterface;
use Illuminate\Support\Carbon;
use Illuminate\Support\Collection;
use Illuminate\Support\Str;

/**
 * What the queue holds right now, for the dashboard: jobs waiting or running
 * (read from the database queue's table or from Redis), jobs that failed for good, and the
 * progress of recent job batches.
 */
class QueueOverview
{
    public function __construct(
        private Config $config,
        private ConnectionResolverInterface $db,
        private FailedJobProviderInterface $failer,
        private BatchRepository $batches,
        private Redis $redis,
    ) {
    }

    /** The default queue connection's name, e.g. "database". */
    public function connection(): string
    {
        return (string) $this->config->get('queue.default');
    }

    /** The default connection's driver: "database", "redis", "sync"... */
    public function driver(): string
    {
        return (string) $this->config->get("queue.connections.{$this->connection()}.driver");
    }

    /** Pending jobs can be listed when they wait in our database or in Redis. */
    public function canListPending(): bool
    {
        return in_array($this->driver(), ['database', 'redis'], true);
    }

    /**
     * Running first, then waiting, oldest first: what a worker picks up next.
     *
     * @return Collection<int, object{id: int|string, name: string, queue: string, attempts: int, running: bool, available_at: Carbon}>
     */
    public function pending(int $limit = 10): Collection
    {
        $settings = (array) $this->config->get("queue.connections.{$this->connection()}");

        return match ($this->driver()) {
            'database' => $this->pendingInDatabase($settings, $limit),
            'redis' => $this->pendingInRedis($settings, $limit),
            default => collect(),
        };
    }

    /** The database queue: one row per job in its table. */
    private function pendingInDatabase(array $settings, int $limit): Collection
    {
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
     * The Redis queue: the list "queues:<name>" holds waiting payloads, the sorted
     * sets ":reserved" (running) and ":delayed" (waiting for a retry, scored by the
     * time it is due) the others. Keys carry the connection's prefix.
     */
    private function pendingInRedis(array $settings, int $limit): Collection
    {
        $redis = $this->redis->connection($settings['connection'] ?? null);
        $queue = (string) ($settings['queue'] ?? 'default');
        $key = "queues:{$queue}";
        $now = Carbon::now();
        $job = function (string $payload, bool $running, Carbon $availableAt) use ($queue): object {
            $decoded = json_decode($payload, true) ?: [];

            return (object) [
                'id' => (string) ($decoded['id'] ?? '?'),
                'name' => $this->displayName($payload),
                'queue' => $queue,
                'attempts' => (int) ($decoded['attempts'] ?? 0),
                'running' => $running,
                'available_at' => $availableAt,
            ];
        };
        $scored = fn (string $set) => $redis->zrangebyscore($set, '-inf', '+inf', ['withscores' => true, 'limit' => [0, $limit]]) ?: [];

        return collect($scored("{$key}:reserved"))
            ->map(fn ($score, $payload) => $job((string) $payload, true, $now))
            ->values()
            ->concat(collect($redis->lrange($key, 0, $limit - 1) ?: [])->map(fn ($payload) => $job((string) $payload, false, $now)))
            ->concat(collect($scored("{$key}:delayed"))
                ->map(fn ($score, $payload) => $job((string) $payload, false, Carbon::createFromTimestamp((int) $score)))
                ->values())
            ->take($limit);
    }

    /**
     * One page of the jobs that failed for good, newest first; `id` is what
     * `php artisan queue:retry` takes. Read a page at a time from the failed jobs
     * table (never the whole table into memory).
     *
     * @return LengthAwarePaginator<int, object{id: string, name: string, queue: string, error: string, failed_at: Carbon}>
     */
    public function failed(int $perPage = 10): LengthAwarePaginator
    {
        $settings = (array) $this->config->get('queue.failed');

        if (in_array($settings['driver'] ?? null, ['database', 'database-uuids'], true)) {
            $page = $this->db->connection($settings['database'] ?? null)
                ->table($settings['table'] ?? 'failed_jobs')
                ->orderByDesc('id')
                ->paginate($perPage, ['id', 'uuid', 'queue', 'payload', 'exception', 'failed_at'], 'failed');
        } else {
            // Other failed job stores (file, DynamoDB) only list everything.
            $all = collect($this->failer->all());
            $current = LengthAwarePaginator::resolveCurrentPage('failed');
            $page = new LengthAwarePaginator($all->forPage($current, $perPage)->values(), $all->count(), $perPage, $current, ['pageName' => 'failed']);
        }

        return $page->through(fn (object $row) => (object) [
            'id' => (string) ($row->uuid ?? $row->id),
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

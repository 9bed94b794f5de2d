<?php

namespace App\Jobs;

use App\Exceptions\DocumentHasNoWords;
use App\Mail\DocumentAnalyzed;
use App\Models\Document;
use App\Services\DocumentAnalyzer;
use DateTimeInterface;
use Illuminate\Bus\Batchable;
use Illuminate\Contracts\Queue\ShouldBeUnique;
use Illuminate\Contracts\Queue\ShouldQueueAfterCommit;
use Illuminate\Foundation\Queue\Queueable;
use Illuminate\Queue\Attributes\DeleteWhenMissingModels;
use Illuminate\Queue\Attributes\Timeout;
use Illuminate\Queue\Attributes\UniqueFor;
use Illuminate\Queue\MaxAttemptsExceededException;
use Illuminate\Queue\Middleware\ThrottlesExceptions;
use Illuminate\Support\Facades\Mail;
use Throwable;

/**
 * Analyses one document on the queue worker (`php artisan queue:work`).
 *
 * - The payload holds only the document's id (Queueable serializes models by key):
 *   the worker loads the current row, so a job retried with `queue:retry` sees any
 *   fix made since. A document deleted before the job runs drops the job.
 * - ShouldQueueAfterCommit: dispatched inside a transaction, it is pushed only once
 *   the transaction commits, so a worker never looks for a row that is not there yet
 *   (and a rolled-back submission queues nothing).
 * - ShouldBeUnique: one job per document waits at a time; dispatching it again while
 *   one is queued is a no-op (the lock lives in the cache store for an hour at most).
 * - The analysis is treated as a flaky dependency: ThrottlesExceptions retries an
 *   error a minute later, and once it has failed five times within five minutes
 *   (over every document) all analysis jobs wait out those minutes instead of
 *   hammering it. A job keeps trying for half an hour (retryUntil), then fails.
 * - It runs alone (the controllers) or in a batch (`documents:reanalyze`).
 */
#[Timeout(60)]
#[UniqueFor(3600)]
#[DeleteWhenMissingModels]
class AnalyzeDocument implements ShouldBeUnique, ShouldQueueAfterCommit
{
    use Batchable, Queueable;

    /** Errors within DECAY_SECONDS that make every analysis job wait. */
    public const MAX_ERRORS = 5;

    public const DECAY_SECONDS = 300;

    /** Minutes before a job that hit an error runs again. */
    public const RETRY_AFTER_MINUTES = 1;

    /** How long a job keeps being retried before it fails for good. */
    public const GIVE_UP_AFTER_MINUTES = 30;

    public function __construct(public Document $document)
    {
    }

    /** One waiting job per document. */
    public function uniqueId(): string
    {
        return (string) $this->document->getKey();
    }

    /**
     * @return array<int, object>
     */
    public function middleware(): array
    {
        return [
            (new ThrottlesExceptions(self::MAX_ERRORS, self::DECAY_SECONDS))
                ->backoff(self::RETRY_AFTER_MINUTES)
                // Another attempt would read the same text: fail at once and keep the
                // retries for errors that can pass.
                ->failWhen(DocumentHasNoWords::class),
        ];
    }

    /** Releases by the middleware count as attempts, so the limit is a time. */
    public function retryUntil(): DateTimeInterface
    {
        return now()->addMinutes(self::GIVE_UP_AFTER_MINUTES);
    }

    public function handle(DocumentAnalyzer $analyzer): void
    {
        if ($this->batch()?->cancelled()) {
            return;
        }

        $this->document->markProcessing();
        $this->document->markAnalyzed($analyzer->analyze($this->document->body));

        if ($this->document->notify) {
            // DocumentAnalyzed implements ShouldQueue: this pushes one more job
            // instead of talking to the mail server from here. It goes to the
            // document's owner, never to an address a client typed in.
            Mail::to($this->document->user)->send(new DocumentAnalyzed($this->document));
        }
    }

    /**
     * Called once, when the job has failed for good; the worker writes the
     * failed_jobs row that `php artisan queue:retry` reads.
     */
    public function failed(Throwable $exception): void
    {
        $this->document->markFailed($exception instanceof MaxAttemptsExceededException
            ? 'The analysis kept failing for '.self::GIVE_UP_AFTER_MINUTES.' minutes; retry it once the cause is fixed.'
            : $exception->getMessage());
    }
}

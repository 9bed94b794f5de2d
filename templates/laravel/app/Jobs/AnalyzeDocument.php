<?php

namespace App\Jobs;

use App\Exceptions\DocumentHasNoWords;
use App\Mail\DocumentAnalyzed;
use App\Models\Document;
use App\Services\DocumentAnalyzer;
use Illuminate\Bus\Batchable;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Queue\SerializesModels;
use Illuminate\Support\Facades\Mail;
use Throwable;

/**
 * Analyses one document on the queue worker (`php artisan queue:work`).
 *
 * The payload holds only the document's id (SerializesModels): the worker loads
 * the current row, so a job retried with `queue:retry` sees any fix made since.
 * It runs alone (dispatched by the controllers) or in a batch (`documents:reanalyze`).
 */
class AnalyzeDocument implements ShouldQueue
{
    use Batchable, Dispatchable, InteractsWithQueue, Queueable, SerializesModels;

    /**
     * Attempts before the job is recorded in failed_jobs.
     *
     * @var int
     */
    public $tries = 3;

    /**
     * Seconds one attempt may run before the worker kills it (keep it below the
     * connection's retry_after).
     *
     * @var int
     */
    public $timeout = 60;

    /**
     * A job whose document was deleted before it ran is dropped, not failed.
     *
     * @var bool
     */
    public $deleteWhenMissingModels = true;

    public function __construct(public Document $document)
    {
    }

    /**
     * Seconds to wait before the second and the third attempt.
     *
     * @return array<int, int>
     */
    public function backoff(): array
    {
        return [10, 60];
    }

    public function handle(DocumentAnalyzer $analyzer): void
    {
        if ($this->batch()?->cancelled()) {
            return;
        }

        $this->document->markProcessing();

        try {
            $analysis = $analyzer->analyze($this->document->body);
        } catch (DocumentHasNoWords $e) {
            // Another attempt would read the same text: fail now, keep the tries for
            // errors that can pass (a database that is briefly away, a timeout).
            $this->fail($e);

            return;
        }

        $this->document->markAnalyzed($analysis);

        if ($this->document->notify_email !== null) {
            // DocumentAnalyzed implements ShouldQueue: this pushes one more job
            // instead of talking to the mail server from here.
            Mail::to($this->document->notify_email)->send(new DocumentAnalyzed($this->document));
        }
    }

    /**
     * Called once, when the job has failed for good (out of tries or failed
     * explicitly); the failed_jobs row is written by the worker.
     */
    public function failed(Throwable $exception): void
    {
        $this->document->markFailed($exception->getMessage());
    }
}

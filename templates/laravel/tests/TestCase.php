<?php

namespace Tests;

use App\Services\DocumentAnalysis;
use App\Services\DocumentAnalyzer;
use Illuminate\Foundation\Testing\TestCase as BaseTestCase;
use RuntimeException;

abstract class TestCase extends BaseTestCase
{
    use CreatesApplication;

    /**
     * Every analysis throws `$message`: an error that may pass (a service away), so
     * the job is retried with its backoff.
     */
    protected function analysisFails(string $message): void
    {
        $this->app->instance(DocumentAnalyzer::class, new class($message) extends DocumentAnalyzer {
            public function __construct(private string $message)
            {
            }

            public function analyze(string $text): DocumentAnalysis
            {
                throw new RuntimeException($this->message);
            }
        });
    }
}

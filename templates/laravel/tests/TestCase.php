<?php

namespace Tests;

use App\Models\User;
use App\Services\DocumentAnalysis;
use App\Services\DocumentAnalyzer;
use Illuminate\Foundation\Testing\TestCase as BaseTestCase;
use RuntimeException;

abstract class TestCase extends BaseTestCase
{
    /**
     * Every analysis throws `$message`: an error that may pass (a service away), so
     * the job is released and tried again later.
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

    /**
     * `Authorization: Bearer …` of a new token for `$user`. The guards are
     * forgotten first: within one test the app (and the user a guard resolved for
     * the previous request) lives on, unlike in a server.
     *
     * @return array<string, string>
     */
    protected function tokenHeaders(User $user): array
    {
        $this->app['auth']->forgetGuards();

        return ['Authorization' => 'Bearer '.$user->issueApiToken()];
    }
}

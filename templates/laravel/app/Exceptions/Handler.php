<?php

namespace App\Exceptions;

use Illuminate\Foundation\Exceptions\Handler as ExceptionHandler;
use Throwable;

class Handler extends ExceptionHandler
{
    /**
     * Exceptions that are not reported to the log.
     *
     * @var array<int, class-string<Throwable>>
     */
    protected $dontReport = [
        //
    ];

    /**
     * Inputs never flashed back to the session after a validation error.
     *
     * @var array<int, string>
     */
    protected $dontFlash = [
        'current_password',
        'password',
        'password_confirmation',
    ];

    /**
     * Everything under /api answers errors as JSON (a 422 with the validation
     * errors, a 404, a 401...), whatever the client's Accept header says.
     *
     * @param  \Illuminate\Http\Request  $request
     */
    protected function shouldReturnJson($request, Throwable $e): bool
    {
        return $request->is('api/*') || parent::shouldReturnJson($request, $e);
    }

    /**
     * Register reporting and rendering callbacks.
     */
    public function register(): void
    {
        $this->reportable(function (Throwable $e) {
            // Send to an error tracker here (Sentry, Bugsnag, Flare...).
        });
    }
}

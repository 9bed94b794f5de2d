<?php

use App\Http\Controllers\Api\DocumentController;
use Illuminate\Support\Facades\Route;

/*
| JSON API under /api: the "api" middleware group (no session, no CSRF; 60 requests
| a minute). Every route needs an API token of a user (`php artisan users:token`):
| `Authorization: Bearer <token>`; without one the answer is 401. Submitting queues
| work, so it has the tighter "submissions" limit: past it, 429 with Retry-After.
| GET /openapi.json describes these routes.
*/

Route::middleware('auth:api')->name('api.')->group(function () {
    Route::get('documents', [DocumentController::class, 'index'])->name('documents.index');
    Route::post('documents', [DocumentController::class, 'store'])
        ->middleware('throttle:submissions')
        ->name('documents.store');
    Route::get('documents/{document}', [DocumentController::class, 'show'])
        ->where('document', '[0-9]{1,18}')
        ->name('documents.show');
});

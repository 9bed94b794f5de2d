<?php

use App\Http\Controllers\Api\DocumentController;
use Illuminate\Support\Facades\Route;

/*
| JSON API under /api: the "api" middleware group (60 requests a minute, no session).
| Submitting queues work, so it has a tighter limit of its own ("submissions" in
| RouteServiceProvider): past it the API answers 429 with Retry-After.
| To require a signed-in client, add a token guard (e.g. Laravel Sanctum) and
| wrap these routes in ->middleware('auth:sanctum').
*/

Route::name('api.')->group(function () {
    Route::apiResource('documents', DocumentController::class)->only(['index', 'show']);
    Route::post('documents', [DocumentController::class, 'store'])
        ->middleware('throttle:submissions')
        ->name('documents.store');
});

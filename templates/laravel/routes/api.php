<?php

use App\Http\Controllers\Api\DocumentController;
use Illuminate\Support\Facades\Route;

/*
| JSON API under /api: the "api" middleware group (rate limited, no session).
| To require a signed-in client, add a token guard (e.g. Laravel Sanctum) and
| wrap these routes in ->middleware('auth:sanctum').
*/

Route::name('api.')->group(function () {
    Route::apiResource('documents', DocumentController::class)->only(['index', 'store', 'show']);
});

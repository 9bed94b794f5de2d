<?php

use App\Http\Controllers\Auth\LoginController;
use App\Http\Controllers\DashboardController;
use App\Http\Controllers\DocumentController;
use App\Http\Controllers\OpenApiController;
use Illuminate\Support\Facades\Route;

/*
| Browser pages: the "web" middleware group gives them sessions, cookies and CSRF
| protection. Everything but the log-in form needs a signed-in user.
*/

Route::middleware('guest')->group(function () {
    Route::get('/login', [LoginController::class, 'create'])->name('login');
    // Throttled inside LoginRequest: counted before the password is checked.
    Route::post('/login', [LoginController::class, 'store'])->name('login.store');
});

Route::middleware('auth')->group(function () {
    Route::get('/', DashboardController::class)->name('dashboard');
    Route::post('/documents', [DocumentController::class, 'store'])
        ->middleware('throttle:submissions')
        ->name('documents.store');
    Route::get('/documents/{document}', [DocumentController::class, 'show'])
        ->where('document', '[0-9]{1,18}')
        ->name('documents.show');
    Route::post('/logout', [LoginController::class, 'destroy'])->name('logout');
});

// The OpenAPI 3.1 description of the JSON API under /api.
Route::get('/openapi.json', OpenApiController::class)->name('openapi');

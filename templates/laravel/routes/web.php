<?php

use App\Http\Controllers\DashboardController;
use App\Http\Controllers\DocumentController;
use Illuminate\Support\Facades\Route;

/*
| Browser pages: the "web" middleware group gives them sessions, cookies and
| CSRF protection (RouteServiceProvider loads this file).
*/

Route::get('/', DashboardController::class)->name('dashboard');

Route::post('/documents', [DocumentController::class, 'store'])->name('documents.store');
Route::get('/documents/{document}', [DocumentController::class, 'show'])->name('documents.show');

<?php

namespace App\Http\Controllers;

use App\Models\Document;
use App\Services\QueueOverview;
use Illuminate\Contracts\View\View;

class DashboardController extends Controller
{
    /**
     * GET /: the submit form, the latest documents and what the queue holds.
     */
    public function __invoke(QueueOverview $queue): View
    {
        return view('dashboard', [
            'documents' => Document::query()->latest()->latest('id')->limit(20)->get(),
            'queue' => $queue,
        ]);
    }
}

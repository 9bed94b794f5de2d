<?php

namespace App\Http\Controllers;

use App\Services\QueueOverview;
use Illuminate\Contracts\View\View;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Gate;

class DashboardController extends Controller
{
    /**
     * GET /: the submit form and the signed-in user's own documents; for admins
     * (the "viewQueue" gate) also what the queue holds.
     */
    public function __invoke(Request $request, QueueOverview $queue): View
    {
        return view('dashboard', [
            'documents' => $request->user()->documents()->latest()->latest('id')->paginate(20, pageName: 'documents'),
            'queue' => Gate::allows('viewQueue') ? $queue : null,
        ]);
    }
}

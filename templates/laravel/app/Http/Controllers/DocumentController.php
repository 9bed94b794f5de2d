<?php

namespace App\Http\Controllers;

use App\Http\Requests\StoreDocumentRequest;
use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use Illuminate\Contracts\View\View;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;

class DocumentController extends Controller
{
    /**
     * POST /documents (the form on the dashboard; throttled like the API).
     */
    public function store(StoreDocumentRequest $request): RedirectResponse
    {
        $document = Document::submit($request->user(), $request->document());

        return redirect()
            ->route('dashboard')
            ->with('status', $document->status === Document::QUEUED
                ? "“{$document->title}” is queued. Run a worker to analyse it."
                : "“{$document->title}” was analysed at once: {$document->status}.");
    }

    /**
     * GET /documents/{id}: only the owner's documents exist for them (404 otherwise).
     */
    public function show(Request $request, string $document): View
    {
        return view('documents.show', [
            'document' => $request->user()->documents()->findOrFail($document),
        ]);
    }
}

<?php

namespace App\Http\Controllers;

use App\Http\Requests\StoreDocumentRequest;
use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use Illuminate\Contracts\View\View;
use Illuminate\Http\RedirectResponse;

class DocumentController extends Controller
{
    /**
     * POST /documents (the form on the dashboard).
     */
    public function store(StoreDocumentRequest $request): RedirectResponse
    {
        $document = Document::create($request->validated());

        AnalyzeDocument::dispatch($document);
        // On the "sync" connection the job has already run inside this request.
        $document->refresh();

        return redirect()
            ->route('dashboard')
            ->with('status', $document->status === Document::QUEUED
                ? "“{$document->title}” is queued. Run a worker to analyse it."
                : "“{$document->title}” was analysed at once: {$document->status}.");
    }

    /**
     * GET /documents/{document}
     */
    public function show(Document $document): View
    {
        return view('documents.show', ['document' => $document]);
    }
}

<?php

namespace App\Http\Controllers\Api;

use App\Http\Controllers\Controller;
use App\Http\Requests\StoreDocumentRequest;
use App\Http\Resources\DocumentResource;
use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Resources\Json\AnonymousResourceCollection;

class DocumentController extends Controller
{
    /**
     * GET /api/documents: newest first, 20 a page.
     */
    public function index(): AnonymousResourceCollection
    {
        return DocumentResource::collection(Document::query()->latest()->latest('id')->paginate(20));
    }

    /**
     * POST /api/documents: store the text, queue its analysis and answer
     * 202 Accepted straight away; poll the Location URL for the result.
     * Rate limited ("submissions" in RouteServiceProvider).
     */
    public function store(StoreDocumentRequest $request): JsonResponse
    {
        $document = Document::create($request->validated());

        AnalyzeDocument::dispatch($document);
        // On the "sync" connection the job has already run: answer with its result.
        $document->refresh();

        return (new DocumentResource($document))
            ->response()
            ->setStatusCode(202)
            ->header('Location', route('api.documents.show', $document));
    }

    /**
     * GET /api/documents/{document}
     */
    public function show(Document $document): DocumentResource
    {
        return new DocumentResource($document);
    }
}

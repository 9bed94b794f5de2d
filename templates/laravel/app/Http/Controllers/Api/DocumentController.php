<?php

namespace App\Http\Controllers\Api;

use App\Http\Controllers\Controller;
use App\Http\Requests\StoreDocumentRequest;
use App\Http\Resources\DocumentResource;
use App\Models\Document;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Http\Resources\Json\AnonymousResourceCollection;

/**
 * The JSON API of the token's user (`Authorization: Bearer …`), described by
 * GET /openapi.json.
 */
class DocumentController extends Controller
{
    /**
     * GET /api/documents: the user's documents, newest first, 20 a page.
     */
    public function index(Request $request): AnonymousResourceCollection
    {
        $request->validate(['page' => ['nullable', 'integer', 'min:1', 'max:100000']]);

        return DocumentResource::collection(
            $request->user()->documents()->latest()->latest('id')->paginate(20)
        );
    }

    /**
     * POST /api/documents: store the text, queue its analysis and answer
     * 202 Accepted straight away; poll the Location URL for the result.
     * Rate limited ("submissions" in AppServiceProvider).
     */
    public function store(StoreDocumentRequest $request): JsonResponse
    {
        $document = Document::submit($request->user(), $request->document());

        return (new DocumentResource($document))
            ->response()
            ->setStatusCode(202)
            ->header('Location', route('api.documents.show', $document));
    }

    /**
     * GET /api/documents/{id}: 404 for a document of another user, as for none.
     */
    public function show(Request $request, string $document): DocumentResource
    {
        return new DocumentResource($request->user()->documents()->findOrFail($document));
    }
}

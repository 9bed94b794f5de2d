<?php

namespace App\Http\Resources;

use Illuminate\Http\Request;
use Illuminate\Http\Resources\Json\JsonResource;

/**
 * A document as the API shows it to its owner (the schema "Document" in
 * resources/openapi.json). No e-mail address of anyone is part of it.
 *
 * @mixin \App\Models\Document
 */
class DocumentResource extends JsonResource
{
    /**
     * @return array<string, mixed>
     */
    public function toArray(Request $request): array
    {
        return [
            'id' => $this->id,
            'title' => $this->title,
            'body' => $this->when($request->routeIs('api.documents.show'), fn () => $this->body),
            'notify' => $this->notify,
            'status' => $this->status,
            'word_count' => $this->word_count,
            'reading_minutes' => $this->reading_minutes,
            'keywords' => $this->keywords,
            'failure_reason' => $this->failure_reason,
            'analyzed_at' => $this->analyzed_at?->toIso8601String(),
            'created_at' => $this->created_at->toIso8601String(),
            'links' => [
                'self' => route('api.documents.show', $this->resource),
                'page' => route('documents.show', $this->resource),
            ],
        ];
    }
}

<?php

namespace App\Http\Resources;

use Illuminate\Http\Resources\Json\JsonResource;

/**
 * @mixin \App\Models\Document
 */
class DocumentResource extends JsonResource
{
    /**
     * @param  \Illuminate\Http\Request  $request
     * @return array<string, mixed>
     */
    public function toArray($request): array
    {
        return [
            'id' => $this->id,
            'title' => $this->title,
            'body' => $this->when($request->routeIs('api.documents.show'), fn () => $this->body),
            'notify_email' => $this->notify_email,
            'status' => $this->status,
            'word_count' => $this->word_count,
            'reading_minutes' => $this->reading_minutes,
            'keywords' => $this->keywords,
            'failure_reason' => $this->failure_reason,
            'analyzed_at' => $this->analyzed_at?->toIso8601String(),
            'created_at' => $this->created_at?->toIso8601String(),
            'links' => [
                'self' => route('api.documents.show', $this->resource),
                'page' => route('documents.show', $this->resource),
            ],
        ];
    }
}

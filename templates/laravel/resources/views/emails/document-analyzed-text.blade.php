"{{ $document->title }}" is analysed

{{ number_format($document->word_count) }} words, about {{ $document->reading_minutes }} {{ \Illuminate\Support\Str::plural('minute', $document->reading_minutes) }} to read.
@if (! empty($document->keywords))
Keywords: {{ implode(', ', $document->keywords) }}
@endif

See the document: {{ route('documents.show', $document) }}

{{ config('app.name') }}

<!DOCTYPE html>
<html lang="en">
<body style="font-family: system-ui, sans-serif; line-height: 1.5">
    <h1 style="font-size: 1.25rem">“{{ $document->title }}” is analysed</h1>

    <p>
        {{ number_format($document->word_count) }} words, about {{ $document->reading_minutes }}
        {{ \Illuminate\Support\Str::plural('minute', $document->reading_minutes) }} to read.
    </p>

    @if (! empty($document->keywords))
        <p>Keywords: {{ implode(', ', $document->keywords) }}</p>
    @endif

    <p><a href="{{ route('documents.show', $document) }}">See the document</a></p>

    <p style="color: #6b7280">{{ config('app.name') }}</p>
</body>
</html>

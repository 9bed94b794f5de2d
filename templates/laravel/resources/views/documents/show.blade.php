@extends('layouts.app')

@section('title', $document->title)

@section('content')
    <p><a href="{{ route('dashboard') }}">← Dashboard</a></p>

    <h1>{{ $document->title }} <x-status :status="$document->status" /></h1>

    @switch($document->status)
        @case(\App\Models\Document::ANALYZED)
            <dl>
                <dt>Words</dt>
                <dd>{{ number_format($document->word_count) }}</dd>
                <dt>Reading time</dt>
                <dd>about {{ $document->reading_minutes }} {{ \Illuminate\Support\Str::plural('minute', $document->reading_minutes) }}</dd>
                <dt>Keywords</dt>
                <dd>{{ implode(', ', $document->keywords) ?: '—' }}</dd>
                <dt>Analysed</dt>
                <dd>{{ $document->analyzed_at->toDayDateTimeString() }}</dd>
            </dl>
            @break

        @case(\App\Models\Document::FAILED)
            <p class="error">{{ $document->failure_reason }}</p>
            <p class="muted">
                The job is in the failed jobs table: <code>php artisan queue:failed</code> lists it,
                <code>php artisan queue:retry all</code> runs it again.
            </p>
            @break

        @default
            <p class="muted">
                Waiting for a queue worker. Start one with <code>php artisan queue:work</code>
                and reload this page.
            </p>
    @endswitch

    <h2>Text</h2>
    <p style="white-space: pre-wrap">{{ $document->body }}</p>
@endsection

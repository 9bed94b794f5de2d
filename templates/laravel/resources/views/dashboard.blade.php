@extends('layouts.app')

@section('title', 'Dashboard')

@section('content')
    <div class="grid">
        <section>
            <h1>Analyse a text</h1>
            <p class="muted">
                The request only stores the text and queues an <code>AnalyzeDocument</code> job;
                a worker (<code>php artisan queue:work</code>) counts the words, picks keywords
                and, if you ask, mails you the result.
            </p>

            <form method="POST" action="{{ route('documents.store') }}">
                @csrf

                <label for="title">Title</label>
                <input id="title" name="title" value="{{ old('title') }}" required maxlength="200">
                @error('title') <p class="error">{{ $message }}</p> @enderror

                <label for="body">Text</label>
                <textarea id="body" name="body" required>{{ old('body') }}</textarea>
                @error('body') <p class="error">{{ $message }}</p> @enderror

                <label>
                    <input type="checkbox" name="notify" value="1" @checked(old('notify'))>
                    Mail me the result <span class="muted">({{ auth()->user()->email }})</span>
                </label>

                <button type="submit">Queue analysis</button>
            </form>
        </section>

        @if ($queue !== null)
        <section aria-labelledby="queue-heading">
            <h1 id="queue-heading">Queue</h1>

            @if ($queue->canListPending())
                @php($pending = $queue->pending())
                <h2>Waiting or running ({{ $pending->count() }})</h2>
                @forelse ($pending as $job)
                    <p>
                        <code>#{{ $job->id }}</code> {{ class_basename($job->name) }}
                        <span class="muted">
                            on "{{ $job->queue }}",
                            {{ $job->running ? 'running' : 'waiting' }},
                            attempts {{ $job->attempts }}@if ($job->available_at->isFuture()), retry {{ $job->available_at->diffForHumans() }}@endif
                        </span>
                    </p>
                @empty
                    <p class="muted">Nothing waiting.</p>
                @endforelse
            @elseif ($queue->driver() === 'sync')
                <p class="muted">
                    Jobs run inside the request that dispatches them (the "sync" connection):
                    nothing waits for a worker.
                </p>
            @else
                <p class="muted">
                    Jobs run on the "{{ $queue->connection() }}" connection; only the database
                    and Redis queues can be listed here.
                </p>
            @endif

            @php($failed = $queue->failed())
            <h2>Failed ({{ $failed->total() }})</h2>
            @forelse ($failed as $job)
                <p>
                    {{ class_basename($job->name) }} <span class="muted">{{ $job->failed_at->diffForHumans() }}</span><br>
                    <span class="error">{{ $job->error }}</span><br>
                    <code>php artisan queue:retry {{ $job->id }}</code>
                </p>
            @empty
                <p class="muted">No failed jobs.</p>
            @endforelse
            {{ $failed->withQueryString()->links('pagination.pager') }}

            @php($batches = $queue->batches())
            @if ($batches->isNotEmpty())
                <h2>Batches</h2>
                @foreach ($batches as $batch)
                    <p>
                        {{ $batch->name }}
                        <span class="muted">
                            {{ $batch->processedJobs() }} of {{ $batch->totalJobs }} done ({{ $batch->progress() }}%),
                            {{ $batch->failedJobs }} failed,
                            @if ($batch->cancelled())
                                cancelled
                            @elseif ($batch->finished())
                                finished {{ $batch->finishedAt->diffForHumans() }}
                            @elseif ($batch->pendingJobs === $batch->failedJobs)
                                waiting for its failed jobs to be retried
                            @else
                                started {{ $batch->createdAt->diffForHumans() }}
                            @endif
                        </span>
                    </p>
                @endforeach
            @endif
        </section>
        @endif
    </div>

    <h2>Your documents</h2>
    @if ($documents->isEmpty())
        <p class="muted">Nothing submitted yet.</p>
    @else
        <table>
            <thead>
                <tr><th>Title</th><th>Status</th><th>Words</th><th>Keywords</th><th>Submitted</th></tr>
            </thead>
            <tbody>
                @foreach ($documents as $document)
                    <tr>
                        <td><a href="{{ route('documents.show', $document) }}">{{ $document->title }}</a></td>
                        <td><x-status :status="$document->status" /></td>
                        <td>{{ $document->word_count ?? '—' }}</td>
                        <td>{{ implode(', ', $document->keywords ?? []) ?: '—' }}</td>
                        <td class="muted nowrap">{{ $document->created_at->diffForHumans() }}</td>
                    </tr>
                @endforeach
            </tbody>
        </table>
        {{ $documents->withQueryString()->links('pagination.pager') }}
    @endif
@endsection

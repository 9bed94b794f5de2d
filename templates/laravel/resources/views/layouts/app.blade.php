<!DOCTYPE html>
<html lang="{{ str_replace('_', '-', app()->getLocale()) }}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>@yield('title') · {{ config('app.name') }}</title>
    <style>
        :root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --accent: #dc2626; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
        header, main, footer { max-width: 64rem; margin: 0 auto; padding: 1rem 1.5rem; }
        header { display: flex; align-items: baseline; justify-content: space-between; border-bottom: 1px solid var(--line); }
        header a { color: inherit; text-decoration: none; font-weight: 700; font-size: 1.25rem; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
        table { width: 100%; border-collapse: collapse; }
        th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: .85rem; color: var(--muted); font-weight: 600; }
        code { font-size: .9em; overflow-wrap: anywhere; }
        dt { font-weight: 600; } dd { margin: 0 0 .5rem; }
        .nowrap { white-space: nowrap; }
        label { display: block; font-weight: 600; margin-top: .75rem; }
        input, textarea { width: 100%; padding: .5rem; font: inherit; border: 1px solid var(--line); border-radius: .375rem; }
        textarea { min-height: 8rem; }
        button { margin-top: 1rem; padding: .5rem 1.25rem; font: inherit; border: 0; border-radius: .375rem; background: var(--accent); color: #fff; cursor: pointer; }
        button.link { margin: 0 0 0 .5rem; padding: 0; background: none; color: inherit; text-decoration: underline; }
        input[type=checkbox] { width: auto; }
        .muted { color: var(--muted); }
        .notice { padding: .75rem 1rem; border-radius: .375rem; background: #dcfce7; color: #14532d; }
        .error { color: var(--accent); font-size: .9rem; }
        .grid { display: grid; gap: 2rem; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); }
        .status { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .8rem; font-weight: 600; }
        .status-queued { background: #e5e7eb; color: #374151; }
        .status-processing { background: #dbeafe; color: #1e40af; }
        .status-analyzed { background: #dcfce7; color: #166534; }
        .status-failed { background: #fee2e2; color: #991b1b; }
    </style>
</head>
<body>
    <header>
        <a href="{{ route('dashboard') }}">{{ config('app.name') }}</a>
        @auth
            <form method="POST" action="{{ route('logout') }}" class="muted">
                @csrf
                {{ auth()->user()->email }} · queue: <code>{{ config('queue.default') }}</code>
                <button type="submit" class="link">Sign out</button>
            </form>
        @else
            <span class="muted">queue: <code>{{ config('queue.default') }}</code></span>
        @endauth
    </header>

    <main>
        @if (session('status'))
            <p class="notice" role="status">{{ session('status') }}</p>
        @endif

        @yield('content')
    </main>

    <footer class="muted">
        Laravel {{ app()->version() }} · PHP {{ PHP_VERSION }}
    </footer>
</body>
</html>

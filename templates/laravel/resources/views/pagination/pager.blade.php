{{-- Previous / next links for a paginator: $paginator->links('pagination.pager') --}}
@if ($paginator->hasPages())
    <nav class="muted" aria-label="Pages">
        @if ($paginator->onFirstPage())
            <span>← Newer</span>
        @else
            <a href="{{ $paginator->previousPageUrl() }}" rel="prev">← Newer</a>
        @endif
        · page {{ $paginator->currentPage() }} of {{ $paginator->lastPage() }} ·
        @if ($paginator->hasMorePages())
            <a href="{{ $paginator->nextPageUrl() }}" rel="next">Older →</a>
        @else
            <span>Older →</span>
        @endif
    </nav>
@endif

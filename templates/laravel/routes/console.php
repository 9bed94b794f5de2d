<?php

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\Bus;

/*
| Closure-based Artisan commands (app/Console/Kernel.php loads this file).
*/

Artisan::command('documents:reanalyze {id? : Only this document}', function (?string $id = null) {
    $documents = Document::query()
        ->when($id !== null, fn ($query) => $query->whereKey($id))
        ->get();

    if ($documents->isEmpty()) {
        $this->warn('No document to analyse.');

        return 1;
    }

    $documents->each->markQueued();

    // One batch: the dashboard follows its progress, and a document that fails does
    // not cancel the others (allowFailures).
    $batch = Bus::batch($documents->map(fn (Document $document) => new AnalyzeDocument($document))->all())
        ->name("Re-analyse {$documents->count()} document(s)")
        ->allowFailures()
        ->dispatch();

    $this->info("Queued {$documents->count()} document(s) for analysis.");
    $this->line("Batch {$batch->id}: the dashboard shows its progress.");

    return 0;
})->purpose('Queue the analysis of every document (or of one) again, as one batch');

<?php

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use Illuminate\Support\Facades\Artisan;

/*
| Closure-based Artisan commands (app/Console/Kernel.php loads this file).
*/

Artisan::command('documents:reanalyze {id? : Only this document}', function (?string $id = null) {
    $documents = Document::query()
        ->when($id !== null, fn ($query) => $query->whereKey($id))
        ->get();

    foreach ($documents as $document) {
        $document->markQueued();
        AnalyzeDocument::dispatch($document);
    }

    $this->info("Queued {$documents->count()} document(s) for analysis.");
})->purpose('Queue the analysis of every document (or of one) again');

<?php

use App\Jobs\AnalyzeDocument;
use App\Models\Document;
use App\Models\User;
use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\Bus;
use Illuminate\Support\Facades\Schedule;
use Illuminate\Support\Str;

/*
| Artisan commands of this app, and its schedule. `php artisan schedule:work` (the
| "scheduler" service of compose.yaml) runs the schedule in the foreground; in
| production cron may run `php artisan schedule:run` every minute instead.
*/

// Forget failed jobs after a week (`queue:failed` lists them until then) and
// finished job batches after two days; documents older than Document::KEEP_DAYS.
Schedule::command('queue:prune-failed', ['--hours' => 24 * 7])->daily();
Schedule::command('queue:prune-batches', ['--hours' => 48, '--unfinished' => 24 * 7])->daily();
Schedule::command('model:prune')->daily();

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

Artisan::command('users:create {email} {name?} {--admin : May see the queue panel}', function (string $email, ?string $name = null) {
    if (User::where('email', Str::lower($email))->exists()) {
        $this->error("A user {$email} exists already.");

        return 1;
    }

    // Asked for when there is a terminal; otherwise a random one is printed once.
    $password = $this->input->isInteractive() ? $this->secret('Password') : null;
    $generated = $password === null || $password === '';
    $password = $generated ? Str::password(20) : $password;

    $user = new User(['name' => $name ?? Str::before($email, '@'), 'email' => $email, 'password' => $password]);
    $user->forceFill(['is_admin' => (bool) $this->option('admin')])->save();

    $this->info("User {$user->email} created".($user->is_admin ? ' (admin).' : '.'));
    if ($generated) {
        $this->line("Password: {$password}");
    }

    return 0;
})->purpose('Create a user who can sign in (prompts for the password)');

Artisan::command('users:token {email}', function (string $email) {
    $user = User::where('email', Str::lower($email))->first();

    if ($user === null) {
        $this->error("No user {$email}.");

        return 1;
    }

    $this->line($user->issueApiToken());

    return 0;
})->purpose("Issue a new API token for a user (replaces the previous one) and print it");

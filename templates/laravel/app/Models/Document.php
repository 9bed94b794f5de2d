<?php

namespace App\Models;

use App\Jobs\AnalyzeDocument;
use App\Services\DocumentAnalysis;
use Database\Factories\DocumentFactory;
use Illuminate\Database\Eloquent\Builder;
use Illuminate\Database\Eloquent\Factories\HasFactory;
use Illuminate\Database\Eloquent\MassPrunable;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;
use Illuminate\Support\Facades\DB;

/**
 * A text a user submitted for analysis. The request only stores it; the
 * AnalyzeDocument job fills in the results on the queue worker and moves it
 * through its statuses: queued → processing → analyzed, or → failed.
 *
 * @property int $id
 * @property int $user_id
 * @property string $title
 * @property string $body
 * @property bool $notify
 * @property string $status
 * @property int|null $word_count
 * @property int|null $reading_minutes
 * @property list<string>|null $keywords
 * @property string|null $failure_reason
 * @property \Illuminate\Support\Carbon|null $analyzed_at
 * @property \Illuminate\Support\Carbon $created_at
 * @property-read User $user
 */
class Document extends Model
{
    /** @use HasFactory<DocumentFactory> */
    use HasFactory, MassPrunable;

    public const QUEUED = 'queued';
    public const PROCESSING = 'processing';
    public const ANALYZED = 'analyzed';
    public const FAILED = 'failed';

    /** `model:prune` (scheduled daily) deletes documents older than this. */
    public const KEEP_DAYS = 90;

    /**
     * Only what a client submits; the owner and the analysis are set by the app.
     *
     * @var list<string>
     */
    protected $fillable = [
        'title',
        'body',
        'notify',
    ];

    /**
     * @var array<string, mixed>
     */
    protected $attributes = [
        'status' => self::QUEUED,
        'notify' => false,
    ];

    /**
     * @return array<string, string>
     */
    protected function casts(): array
    {
        return [
            'notify' => 'boolean',
            'word_count' => 'integer',
            'reading_minutes' => 'integer',
            'keywords' => 'array',
            'analyzed_at' => 'datetime',
        ];
    }

    /**
     * @return BelongsTo<User, $this>
     */
    public function user(): BelongsTo
    {
        return $this->belongsTo(User::class);
    }

    /**
     * What `php artisan model:prune` deletes.
     *
     * @return Builder<static>
     */
    public function prunable(): Builder
    {
        return static::where('created_at', '<', now()->subDays(self::KEEP_DAYS));
    }

    /**
     * Stores a user's text and queues its analysis, in one transaction: the job
     * (ShouldQueueAfterCommit) is pushed once the row is committed, and not at all
     * when the transaction rolls back.
     *
     * @param  array{title: string, body: string, notify: bool}  $attributes
     */
    public static function submit(User $user, array $attributes): self
    {
        $document = DB::transaction(function () use ($user, $attributes) {
            $document = $user->documents()->create($attributes);
            AnalyzeDocument::dispatch($document);

            return $document;
        });

        // On the "sync" connection the job has already run: return its result.
        return $document->refresh();
    }

    public function markQueued(): void
    {
        $this->forceFill(['status' => self::QUEUED])->save();
    }

    public function markProcessing(): void
    {
        $this->forceFill([
            'status' => self::PROCESSING,
            'failure_reason' => null,
        ])->save();
    }

    public function markAnalyzed(DocumentAnalysis $analysis): void
    {
        $this->forceFill([
            'status' => self::ANALYZED,
            'word_count' => $analysis->wordCount,
            'reading_minutes' => $analysis->readingMinutes,
            'keywords' => $analysis->keywords,
            'analyzed_at' => $this->freshTimestamp(),
        ])->save();
    }

    public function markFailed(string $reason): void
    {
        $this->forceFill([
            'status' => self::FAILED,
            'failure_reason' => $reason,
        ])->save();
    }
}

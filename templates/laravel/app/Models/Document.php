<?php

namespace App\Models;

use App\Services\DocumentAnalysis;
use Illuminate\Database\Eloquent\Factories\HasFactory;
use Illuminate\Database\Eloquent\Model;

/**
 * A text submitted for analysis. The request only stores it; the AnalyzeDocument
 * job fills in the results on the queue worker and moves it through its statuses:
 * queued → processing → analyzed, or → failed.
 *
 * @property int $id
 * @property string $title
 * @property string $body
 * @property string|null $notify_email
 * @property string $status
 * @property int|null $word_count
 * @property int|null $reading_minutes
 * @property array<int, string>|null $keywords
 * @property string|null $failure_reason
 * @property \Illuminate\Support\Carbon|null $analyzed_at
 */
class Document extends Model
{
    use HasFactory;

    public const QUEUED = 'queued';
    public const PROCESSING = 'processing';
    public const ANALYZED = 'analyzed';
    public const FAILED = 'failed';

    /**
     * Only what a client submits; the analysis columns are written by the job.
     *
     * @var array<int, string>
     */
    protected $fillable = [
        'title',
        'body',
        'notify_email',
    ];

    /**
     * @var array<string, mixed>
     */
    protected $attributes = [
        'status' => self::QUEUED,
    ];

    /**
     * @var array<string, string>
     */
    protected $casts = [
        'word_count' => 'integer',
        'reading_minutes' => 'integer',
        'keywords' => 'array',
        'analyzed_at' => 'datetime',
    ];

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

    public function isFinished(): bool
    {
        return in_array($this->status, [self::ANALYZED, self::FAILED], true);
    }
}

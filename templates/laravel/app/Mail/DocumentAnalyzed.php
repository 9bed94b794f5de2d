<?php

namespace App\Mail;

use App\Models\Document;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Mail\Mailable;
use Illuminate\Queue\SerializesModels;

/**
 * "Your document is analysed". Queued (ShouldQueue), so sending it never holds up
 * the job that asked for it; in development the "log" mailer writes it to
 * storage/logs/laravel.log.
 */
class DocumentAnalyzed extends Mailable implements ShouldQueue
{
    use Queueable, SerializesModels;

    public function __construct(public Document $document)
    {
    }

    /**
     * @return $this
     */
    public function build()
    {
        return $this
            ->subject('Analysed: '.$this->document->title)
            ->view('emails.document-analyzed')
            ->text('emails.document-analyzed-text');
    }
}

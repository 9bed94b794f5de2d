<?php

namespace App\Mail;

use App\Models\Document;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Mail\Mailable;
use Illuminate\Mail\Mailables\Content;
use Illuminate\Mail\Mailables\Envelope;
use Illuminate\Queue\SerializesModels;

/**
 * "Your document is analysed", to the document's owner. Queued (ShouldQueue), so
 * sending it never holds up the job that asked for it; in development the "log"
 * mailer writes it to storage/logs/laravel.log.
 */
class DocumentAnalyzed extends Mailable implements ShouldQueue
{
    use Queueable, SerializesModels;

    public function __construct(public Document $document)
    {
    }

    public function envelope(): Envelope
    {
        return new Envelope(
            subject: 'Analysed: '.$this->document->title,
        );
    }

    public function content(): Content
    {
        return new Content(
            view: 'emails.document-analyzed',
            text: 'emails.document-analyzed-text',
        );
    }
}

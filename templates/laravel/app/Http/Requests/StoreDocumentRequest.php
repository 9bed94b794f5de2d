<?php

namespace App\Http\Requests;

use Illuminate\Foundation\Http\FormRequest;

/**
 * A document submitted through the dashboard's form or POST /api/documents. Both
 * routes are behind `auth`, so the submitter is a signed-in user; the result mail
 * goes to that user's own address (there is no address field to abuse).
 */
class StoreDocumentRequest extends FormRequest
{
    public const MAX_TITLE = 200;

    public const MAX_BODY = 100000;

    /**
     * @return array<string, array<int, string>>
     */
    public function rules(): array
    {
        return [
            'title' => ['required', 'string', 'max:'.self::MAX_TITLE],
            'body' => ['required', 'string', 'max:'.self::MAX_BODY],
            'notify' => ['nullable', 'boolean'],
        ];
    }

    /**
     * @return array{title: string, body: string, notify: bool}
     */
    public function document(): array
    {
        return [
            'title' => $this->validated('title'),
            'body' => $this->validated('body'),
            'notify' => $this->boolean('notify'),
        ];
    }
}

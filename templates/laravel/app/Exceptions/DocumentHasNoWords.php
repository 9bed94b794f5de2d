<?php

namespace App\Exceptions;

use RuntimeException;

/**
 * The text holds no word to analyse. Trying again cannot help, so the job fails
 * at once instead of using up its retries.
 */
class DocumentHasNoWords extends RuntimeException
{
    public static function inText(string $text): self
    {
        return new self(sprintf('The text has no words to analyse (%d characters of spaces, symbols or punctuation).', mb_strlen($text)));
    }
}

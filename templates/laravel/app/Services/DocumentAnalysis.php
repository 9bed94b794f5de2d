<?php

namespace App\Services;

/**
 * What the analyzer found in one text.
 */
final class DocumentAnalysis
{
    /**
     * @param  array<int, string>  $keywords  the most frequent significant words, most frequent first
     */
    public function __construct(
        public int $wordCount,
        public int $readingMinutes,
        public array $keywords,
    ) {
    }
}

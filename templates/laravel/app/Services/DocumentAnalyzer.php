<?php

namespace App\Services;

use App\Exceptions\DocumentHasNoWords;

/**
 * Counts words, estimates reading time and picks keywords. Plain PHP with no
 * framework calls, so it is cheap to test; the queued job is what makes it slow
 * work that never blocks a request.
 */
class DocumentAnalyzer
{
    /** Average silent reading speed, in words per minute. */
    public const WORDS_PER_MINUTE = 200;

    public const KEYWORD_COUNT = 5;

    /** Words too common to say anything about a text. */
    private const STOP_WORDS = [
        'about', 'after', 'again', 'also', 'because', 'been', 'before', 'being', 'between',
        'both', 'could', 'does', 'doing', 'down', 'each', 'from', 'have', 'having', 'here',
        'into', 'just', 'more', 'most', 'much', 'only', 'other', 'over', 'same', 'should',
        'some', 'such', 'than', 'that', 'their', 'them', 'then', 'there', 'these', 'they',
        'this', 'those', 'through', 'under', 'until', 'very', 'were', 'what', 'when',
        'where', 'which', 'while', 'will', 'with', 'would', 'your',
    ];

    /**
     * @throws DocumentHasNoWords when the text has no letters or digits at all
     */
    public function analyze(string $text): DocumentAnalysis
    {
        preg_match_all("/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/u", mb_strtolower($text), $matches);
        $words = $matches[0];

        if ($words === []) {
            throw DocumentHasNoWords::inText($text);
        }

        return new DocumentAnalysis(
            wordCount: count($words),
            readingMinutes: (int) max(1, ceil(count($words) / self::WORDS_PER_MINUTE)),
            keywords: $this->keywords($words),
        );
    }

    /**
     * @param  array<int, string>  $words
     * @return array<int, string>
     */
    private function keywords(array $words): array
    {
        $significant = array_filter(
            $words,
            fn (string $word) => mb_strlen($word) >= 4 && ! in_array($word, self::STOP_WORDS, true) && ! is_numeric($word)
        );

        // array_count_values keeps first-seen order and arsort is stable (PHP 8),
        // so equally frequent words stay in the order the text uses them.
        $counts = array_count_values($significant);
        arsort($counts);

        return array_slice(array_map('strval', array_keys($counts)), 0, self::KEYWORD_COUNT);
    }
}

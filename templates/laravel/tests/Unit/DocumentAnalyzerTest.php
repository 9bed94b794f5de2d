<?php

namespace Tests\Unit;

use App\Exceptions\DocumentHasNoWords;
use App\Services\DocumentAnalyzer;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;
use PHPUnit\Framework\TestCase;

#[CoversClass(DocumentAnalyzer::class)]
class DocumentAnalyzerTest extends TestCase
{
    private DocumentAnalyzer $analyzer;

    protected function setUp(): void
    {
        parent::setUp();

        $this->analyzer = new DocumentAnalyzer();
    }

    public function test_it_counts_words_including_contractions_and_numbers(): void
    {
        $analysis = $this->analyzer->analyze("It's 2024, and the worker doesn't sleep.");

        $this->assertSame(7, $analysis->wordCount);
    }

    /**
     * @return array<string, array{int, int}>
     */
    public static function readingTimes(): array
    {
        return [
            'a line' => [3, 1],
            'exactly one minute' => [DocumentAnalyzer::WORDS_PER_MINUTE, 1],
            'one word more' => [DocumentAnalyzer::WORDS_PER_MINUTE + 1, 2],
        ];
    }

    #[DataProvider('readingTimes')]
    public function test_reading_time_rounds_up_to_whole_minutes(int $words, int $minutes): void
    {
        $this->assertSame($minutes, $this->analyzer->analyze(str_repeat('word ', $words))->readingMinutes);
    }

    public function test_keywords_are_the_most_frequent_significant_words(): void
    {
        $analysis = $this->analyzer->analyze(
            'Queues keep slow work away from requests. Workers take work from queues; '
            .'a worker retries work that fails. Queues, queues, queues.'
        );

        // "from" and "that" are stop words, "a" is too short; ties keep the text's order.
        $this->assertSame(['queues', 'work', 'keep', 'slow', 'away'], $analysis->keywords);
    }

    public function test_keywords_read_letters_outside_ascii(): void
    {
        $analysis = $this->analyzer->analyze('Größe Größe Straße café café café');

        $this->assertSame(6, $analysis->wordCount);
        $this->assertSame(['café', 'größe', 'straße'], $analysis->keywords);
    }

    public function test_a_text_without_words_cannot_be_analysed(): void
    {
        $this->expectException(DocumentHasNoWords::class);
        $this->expectExceptionMessage('no words');

        $this->analyzer->analyze(' ... --- ?! ');
    }
}

<?php

namespace Database\Factories;

use App\Models\Document;
use App\Models\User;
use App\Services\DocumentAnalyzer;
use Illuminate\Database\Eloquent\Factories\Factory;

/**
 * @extends Factory<Document>
 */
class DocumentFactory extends Factory
{
    /**
     * A freshly submitted document, waiting for its analysis.
     *
     * @return array<string, mixed>
     */
    public function definition(): array
    {
        return [
            'user_id' => User::factory(),
            'title' => fake()->sentence(4),
            'body' => fake()->paragraphs(3, true),
            'notify' => false,
            'status' => Document::QUEUED,
        ];
    }

    /**
     * Analysed, with the results the real analyzer gives for the text.
     */
    public function analyzed(): static
    {
        return $this->state(function (array $attributes) {
            $analysis = (new DocumentAnalyzer())->analyze($attributes['body']);

            return [
                'status' => Document::ANALYZED,
                'word_count' => $analysis->wordCount,
                'reading_minutes' => $analysis->readingMinutes,
                'keywords' => $analysis->keywords,
                'analyzed_at' => now(),
            ];
        });
    }

    public function failed(): static
    {
        return $this->state(fn () => [
            'status' => Document::FAILED,
            'failure_reason' => 'The text has no words to analyse.',
        ]);
    }

    /**
     * Text with no words at all: the analysis job fails on it.
     */
    public function withoutWords(): static
    {
        return $this->state(fn () => ['body' => '... --- ?!']);
    }
}

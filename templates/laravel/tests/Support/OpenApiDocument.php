<?php

namespace Tests\Support;

use Illuminate\Testing\TestResponse;
use PHPUnit\Framework\Assert;

/**
 * The app's OpenAPI 3.1 document (resources/openapi.json) and a checker for the
 * parts of JSON Schema it uses (type, nullable types as ["x", "null"], enum,
 * required, properties, additionalProperties, items, $ref). Enough to hold every
 * answer of the API to the document; a full validator would need a package.
 */
final class OpenApiDocument
{
    /** @var array<string, mixed> */
    public readonly array $document;

    public function __construct(?string $path = null)
    {
        $this->document = json_decode((string) file_get_contents($path ?? resource_path('openapi.json')), true, flags: JSON_THROW_ON_ERROR);
    }

    /**
     * "GET /api/documents/{document}" for every operation of the document.
     *
     * @return list<string>
     */
    public function operations(): array
    {
        $operations = [];
        foreach ($this->document['paths'] as $path => $methods) {
            foreach (array_keys($methods) as $method) {
                $operations[] = strtoupper($method).' '.$path;
            }
        }
        sort($operations);

        return $operations;
    }

    /**
     * The response is one the document lists for this operation (status and
     * content type), and its body matches that response's schema.
     */
    public function assertConforms(string $method, string $path, TestResponse $response): void
    {
        $operation = $this->document['paths'][$path][strtolower($method)] ?? null;
        Assert::assertNotNull($operation, "{$method} {$path} is not in the OpenAPI document");

        $status = (string) $response->getStatusCode();
        Assert::assertArrayHasKey($status, $operation['responses'], "{$method} {$path} answered {$status}, which the document does not list");
        $described = $this->resolve($operation['responses'][$status]);

        foreach (array_keys($described['headers'] ?? []) as $header) {
            Assert::assertTrue($response->headers->has($header), "{$method} {$path} {$status}: header {$header}");
        }
        Assert::assertStringStartsWith('application/json', (string) $response->headers->get('Content-Type'), "{$method} {$path} {$status}: content type");
        $this->assertMatches($described['content']['application/json']['schema'], $response->json(), "{$method} {$path} {$status}");
    }

    /**
     * @param  array<string, mixed>  $schema
     */
    public function assertMatches(array $schema, mixed $value, string $where): void
    {
        $schema = $this->resolve($schema);
        $types = (array) ($schema['type'] ?? []);

        if ($types !== []) {
            Assert::assertContains($this->typeOf($value), $this->widen($types), "{$where}: ".json_encode($value).' is not '.implode('|', $types));
        }
        if ($value === null) {
            return;
        }
        if (isset($schema['enum'])) {
            Assert::assertContains($value, $schema['enum'], "{$where}: not one of the enum");
        }
        if (is_array($value) && array_is_list($value) && isset($schema['items'])) {
            foreach ($value as $index => $item) {
                $this->assertMatches($schema['items'], $item, "{$where}[{$index}]");
            }
        }
        if (is_array($value) && ! array_is_list($value) || $value === [] && isset($schema['properties'])) {
            foreach ($schema['required'] ?? [] as $name) {
                Assert::assertArrayHasKey($name, $value, "{$where}: required property {$name}");
            }
            foreach ($value as $name => $item) {
                if (isset($schema['properties'][$name])) {
                    $this->assertMatches($schema['properties'][$name], $item, "{$where}.{$name}");
                } elseif (is_array($schema['additionalProperties'] ?? null)) {
                    $this->assertMatches($schema['additionalProperties'], $item, "{$where}.{$name}");
                } else {
                    Assert::assertNotFalse($schema['additionalProperties'] ?? true, "{$where}: property {$name} is not in the document");
                }
            }
        }
    }

    /**
     * @param  array<string, mixed>  $node
     * @return array<string, mixed>
     */
    private function resolve(array $node): array
    {
        while (isset($node['$ref'])) {
            $node = data_get($this->document, str_replace('/', '.', substr($node['$ref'], 2)));
        }

        return $node;
    }

    private function typeOf(mixed $value): string
    {
        return match (true) {
            $value === null => 'null',
            is_bool($value) => 'boolean',
            is_int($value) => 'integer',
            is_float($value) => 'number',
            is_string($value) => 'string',
            is_array($value) && array_is_list($value) && $value !== [] => 'array',
            $value === [] => 'empty',
            default => 'object',
        };
    }

    /**
     * An empty JSON array and an empty object decode alike; integers are numbers.
     *
     * @param  list<string>  $types
     * @return list<string>
     */
    private function widen(array $types): array
    {
        if (array_intersect($types, ['array', 'object']) !== []) {
            $types[] = 'empty';
        }
        if (in_array('number', $types, true)) {
            $types[] = 'integer';
        }

        return $types;
    }
}

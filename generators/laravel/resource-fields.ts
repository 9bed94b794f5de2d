// What each field type of `add resource` is in the Laravel starter: its migration column,
// Eloquent cast, Form Request rules, JSON Resource value, OpenAPI schemas, factory value
// and the values its feature test sends. The bounds are the columns' (a 32-bit integer,
// decimal(12, 2), a year 1…9999 date or moment), so nothing valid reaches the database
// only to fail there.
import type { Field } from '../../src/add/resource-model.js';

export interface LaravelField extends Field {
  /** `$table->…` in the migration, without the `;`. */
  column: string;
  /** The model's cast, when the type has one. */
  cast: string | undefined;
  /** PHP array items of the Form Request rule (after required/nullable). */
  rules: string;
  /** PHP expression of the JSON Resource (`$this->title`, `$this->due_on?->toDateString()`). */
  output: string;
  /** OpenAPI schemas of the value as the API answers it and as a client sends it. */
  outputSchema: string;
  inputSchema: string;
  /** The factory's PHP expression. */
  fake: string;
  /** PHP literals for the test: two valid values, what the API answers for each, and invalid values. */
  sample: string;
  sampleOut: string;
  other: string;
  otherOut: string;
  invalid: string[];
  /** The `@property` type of the model's docblock. */
  phpType: string;
  isBoolean: boolean;
  isDatetime: boolean;
}

export const LIMITS = {
  string: 200,
  text: 10000,
  intMin: '-2147483648',
  intMax: '2147483647',
  decimalMin: '-9999999999.99',
  decimalMax: '9999999999.99',
};

/** PostgreSQL's text holds no NUL (PDO would cut the value there): refused, not cut. */
const NO_NUL = "'not_regex:/\\x00/'";

const nullableType = (type: string, required: boolean) =>
  JSON.stringify(required ? type : [type, 'null']).replaceAll(',', ', ');

export function laravelField(field: Field): LaravelField {
  const c = field.name;
  const optional = field.required ? '' : '->nullable()';
  const type = (name: string) => nullableType(name, field.required);
  const base = {
    ...field,
    cast: undefined,
    output: `$this->${c}`,
    isBoolean: false,
    isDatetime: false,
  };
  const php = (type: string) => (field.required ? type : `${type}|null`);
  switch (field.type) {
    case 'string':
      return {
        ...base,
        column: `$table->string('${c}', ${LIMITS.string})${optional}`,
        rules: `'string', 'max:${LIMITS.string}', ${NO_NUL}`,
        outputSchema: `{ "type": ${type('string')} }`,
        inputSchema: `{ "type": ${type('string')}, "minLength": 1, "maxLength": ${LIMITS.string}, "pattern": "\\\\S" }`,
        fake: 'fake()->sentence(3)',
        sample: "'A first one'",
        sampleOut: "'A first one'",
        other: "'Another one'",
        otherOut: "'Another one'",
        invalid: ['42', `str_repeat('x', ${LIMITS.string + 1})`, '"a\\0b"'],
        phpType: php('string'),
      };
    case 'text':
      return {
        ...base,
        column: `$table->text('${c}')${optional}`,
        rules: `'string', 'max:${LIMITS.text}', ${NO_NUL}`,
        outputSchema: `{ "type": ${type('string')} }`,
        inputSchema: `{ "type": ${type('string')}, "minLength": 1, "maxLength": ${LIMITS.text}, "pattern": "\\\\S" }`,
        fake: 'fake()->paragraph()',
        sample: '"Some lines\\nof text"',
        sampleOut: '"Some lines\\nof text"',
        other: "'Other text'",
        otherOut: "'Other text'",
        invalid: ['true', `str_repeat('x', ${LIMITS.text + 1})`, '"a\\0b"'],
        phpType: php('string'),
      };
    case 'integer':
      return {
        ...base,
        column: `$table->integer('${c}')${optional}`,
        cast: 'integer',
        rules: `'integer:strict', 'min:${LIMITS.intMin}', 'max:${LIMITS.intMax}'`,
        outputSchema: `{ "type": ${type('integer')} }`,
        inputSchema: `{ "type": ${type('integer')}, "minimum": ${LIMITS.intMin}, "maximum": ${LIMITS.intMax} }`,
        fake: 'fake()->numberBetween(1, 1000)',
        sample: '42',
        sampleOut: '42',
        other: '7',
        otherOut: '7',
        invalid: ["'many'", "'42'", '4.5', '2147483648'],
        phpType: php('int'),
      };
    case 'decimal':
      // exact: at most 10 digits before the point and 2 after, stored as decimal(12, 2),
      // answered as a string with both decimals ("12.50"), never as a float
      return {
        ...base,
        column: `$table->decimal('${c}', 12, 2)${optional}`,
        cast: 'decimal:2',
        rules: `'decimal:0,2', 'min:${LIMITS.decimalMin}', 'max:${LIMITS.decimalMax}'`,
        outputSchema: `{ "type": ${type('string')}, "pattern": "^-?\\\\d{1,10}\\\\.\\\\d{2}$" }`,
        inputSchema: `{ "type": ${JSON.stringify(field.required ? ['string', 'number'] : ['string', 'number', 'null']).replaceAll(',', ', ')}, "pattern": "^[+-]?\\\\d{1,10}(\\\\.\\\\d{1,2})?$", "minimum": ${LIMITS.decimalMin}, "maximum": ${LIMITS.decimalMax}, "description": "At most 2 decimals, e.g. \\"12.50\\"" }`,
        fake: 'fake()->randomFloat(2, 0, 9999)',
        sample: "'12.5'",
        sampleOut: "'12.50'",
        other: '3.25',
        otherOut: "'3.25'",
        invalid: ["'12.345'", "'twelve'", "'10000000000'", 'true'],
        phpType: php('string'),
      };
    case 'boolean':
      return {
        ...base,
        column: `$table->boolean('${c}')${field.required ? '->default(false)' : '->nullable()'}`,
        cast: 'boolean',
        rules: `'boolean:strict'`,
        outputSchema: `{ "type": ${type('boolean')} }`,
        inputSchema: `{ "type": ${type('boolean')}${field.required ? ', "description": "false when left out"' : ''} }`,
        fake: 'fake()->boolean()',
        sample: 'true',
        sampleOut: 'true',
        other: 'false',
        otherOut: 'false',
        invalid: ["'yes'", '1', "'true'"],
        phpType: php('bool'),
        isBoolean: true,
      };
    case 'date':
      return {
        ...base,
        column: `$table->date('${c}')${optional}`,
        cast: 'date',
        rules: `'date_format:Y-m-d', 'after_or_equal:0001-01-01'`,
        output: `$this->${c}${field.required ? '' : '?'}->toDateString()`,
        outputSchema: `{ "type": ${type('string')}, "format": "date" }`,
        inputSchema: `{ "type": ${type('string')}, "format": "date" }`,
        fake: "fake()->date('Y-m-d')",
        sample: "'2024-05-17'",
        sampleOut: "'2024-05-17'",
        other: "'2025-01-31'",
        otherOut: "'2025-01-31'",
        invalid: ["'2024-02-30'", "'17.05.2024'", "'next monday'", "'0000-01-01'"],
        phpType: php('\\Illuminate\\Support\\Carbon'),
      };
    case 'datetime':
      // with its offset (or Z), stored as the moment in UTC, answered in UTC
      return {
        ...base,
        column: `$table->timestampTz('${c}')${optional}`,
        cast: 'datetime',
        rules: `'date_format:'.self::MOMENT_FORMATS, 'after_or_equal:0001-01-01T00:00:00+00:00', 'before_or_equal:9999-12-31T23:59:59+00:00'`,
        output: `$this->${c}${field.required ? '' : '?'}->utc()->toIso8601String()`,
        outputSchema: `{ "type": ${type('string')}, "format": "date-time" }`,
        inputSchema: `{ "type": ${type('string')}, "format": "date-time", "description": "With its offset or Z; answered in UTC, to the second" }`,
        fake: 'fake()->dateTime()',
        sample: "'2024-05-17T12:30:00+02:00'",
        sampleOut: "'2024-05-17T10:30:00+00:00'",
        other: "'2025-01-31T08:00:00Z'",
        otherOut: "'2025-01-31T08:00:00+00:00'",
        invalid: ["'2024-05-17T10:30:00'", "'yesterday'", "'2024-02-30T10:00:00Z'", "'0001-01-01T00:00:00+01:00'"],
        phpType: php('\\Illuminate\\Support\\Carbon'),
        isDatetime: true,
      };
  }
}

// The plural Rails gives a resource name (ActiveSupport's English inflections, 7.2), so
// the table, the routes and the controller are the ones Rails itself derives from the
// model: a `person` is kept in `people`, which `persons` would not be.
import type { Resource } from '../../src/add/resource-model.js';

/** ActiveSupport's plural rules in the order it defines them; the last that matches wins. */
const PLURALS: [RegExp, string][] = [
  [/$/, 's'],
  [/s$/, 's'],
  [/^(ax|test)is$/, '$1es'],
  [/(octop|vir)us$/, '$1i'],
  [/(octop|vir)i$/, '$1i'],
  [/(alias|status)$/, '$1es'],
  [/(bu)s$/, '$1ses'],
  [/(buffal|tomat)o$/, '$1oes'],
  [/([ti])um$/, '$1a'],
  [/([ti])a$/, '$1a'],
  [/sis$/, 'ses'],
  [/(?:([^f])fe|([lr])f)$/, '$1$2ves'],
  [/(hive)$/, '$1s'],
  [/([^aeiouy]|qu)y$/, '$1ies'],
  [/(x|ch|ss|sh)$/, '$1es'],
  [/(matr|vert|ind)(?:ix|ex)$/, '$1ices'],
  [/^(m|l)ouse$/, '$1ice'],
  [/^(m|l)ice$/, '$1ice'],
  [/^(ox)$/, '$1en'],
  [/^(oxen)$/, '$1'],
  [/(quiz)$/, '$1zes'],
  // inflect.irregular, defined last
  ...[
    ['person', 'people'],
    ['man', 'men'],
    ['child', 'children'],
    ['sex', 'sexes'],
    ['move', 'moves'],
    ['zombie', 'zombies'],
  ].flatMap(([singular, plural]): [RegExp, string][] => [
    [new RegExp(`(${singular![0]})${singular!.slice(1)}$`), `$1${plural!.slice(1)}`],
    [new RegExp(`(${plural![0]})${plural!.slice(1)}$`), `$1${plural!.slice(1)}`],
  ]),
];

const UNCOUNTABLE = new Set([
  'equipment',
  'information',
  'rice',
  'money',
  'species',
  'series',
  'fish',
  'sheep',
  'jeans',
  'police',
]);

/** `"person".pluralize` in Rails; undefined for a word Rails never pluralizes (`equipment`). */
export function railsPlural(name: string): string | undefined {
  if (UNCOUNTABLE.has(name)) return undefined;
  for (let i = PLURALS.length - 1; i >= 0; i--) {
    const [rule, replacement] = PLURALS[i]!;
    // a group that did not take part (`$2` of `([^f])fe|([lr])f`) adds nothing, as in Ruby
    if (rule.test(name))
      return name.replace(rule, (...groups: unknown[]) =>
        replacement.replace(/\$(\d)/g, (_, n: string) => String(groups[Number(n)] ?? '')),
      );
  }
  return name;
}

const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The resource with its plural forms as Rails inflects them (the rest as given). */
export function withRailsPlural(r: Resource, plural: string): Resource {
  const camel = plural.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return {
    ...r,
    plural,
    pluralCamel: camel,
    pluralPascal: cap(camel),
    kebabPlural: plural.replaceAll('_', '-'),
    pluralWords: plural.replaceAll('_', ' '),
  };
}

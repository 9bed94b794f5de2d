import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentText, envValue, htmlText, jsonString, markdownText, singleQuotedString } from '../../src/handlebars.js';
import { planProject } from '../../src/plan.js';
import { mergePlans, planTree } from '../../src/render.js';
import { diskStore } from '../../src/template-disk.js';
import { buildTemplateData } from '../../src/template-data.js';
import { express, fixtureFramework, tempDir, writeTree } from './helpers.js';

const data = buildTemplateData('my-app', express, {}, 'Say "hi" \\ {{ <b> $x #{y}');

describe('the render rule', () => {
  const root = tempDir();
  writeTree(root, {
    'base/README.md.hbs': '# {{title}}\n{{md description}}\n',
    'base/views/page.html': '<h1>{{ title }}</h1>{% block x %}',
    'base/_gitignore': 'node_modules/\n',
    'base/bin/run': { contents: '#!/bin/sh\necho hi\n', mode: 0o755 },
    'base/{{pythonPackage}}/__init__.py.hbs': 'NAME = {{py name}}\n',
    'base/logo.png': '\u0000\u0001binary{{x}}',
    'base/_overlays/extra/only.txt': 'overlay',
    'broken/bad.txt.hbs': '{{nope}}',
  });
  const store = diskStore(root);

  it('renders only .hbs files and strips the suffix', async () => {
    const files = await planTree(store, 'base', data);
    const byPath = Object.fromEntries(files.map((file) => [file.path, file]));
    expect(byPath['README.md']!.contents).toBe('# My App\nSay "hi" \\\\ \\{\\{ &lt;b\\> $x \\#\\{y\\}\n');
    expect(byPath['README.md.hbs']).toBeUndefined();
  });

  it('copies every other file byte for byte, template syntax included', async () => {
    const files = await planTree(store, 'base', data);
    const page = files.find((file) => file.path === 'views/page.html')!;
    expect(Buffer.compare(page.contents as Buffer, readFileSync(join(root, 'base/views/page.html')))).toBe(0);
    const logo = files.find((file) => file.path === 'logo.png')!;
    expect((logo.contents as Buffer).equals(readFileSync(join(root, 'base/logo.png')))).toBe(true);
  });

  it('renames _gitignore to .gitignore', async () => {
    const paths = (await planTree(store, 'base', data)).map((file) => file.path);
    expect(paths).toContain('.gitignore');
    expect(paths).not.toContain('_gitignore');
  });

  it('keeps executable bits', async () => {
    const run = (await planTree(store, 'base', data)).find((file) => file.path === 'bin/run')!;
    expect(run.mode & 0o111).toBe(0o111);
  });

  it('renders path segments that hold {{ }}', async () => {
    const init = (await planTree(store, 'base', data)).find((file) => file.path === 'my_app/__init__.py')!;
    expect(init.contents).toBe('NAME = "my-app"\n');
  });

  it('leaves _overlays out of the tree', async () => {
    const paths = (await planTree(store, 'base', data)).map((file) => file.path);
    expect(paths.some((path) => path.includes('only.txt'))).toBe(false);
  });

  it('names the template file when rendering fails (strict mode)', async () => {
    await expect(planTree(store, 'broken', data)).rejects.toThrow(
      /Cannot render template broken\/bad\.txt\.hbs: .*nope/,
    );
  });

  it('lets a later action replace a file of an earlier one', () => {
    const a = { path: 'x', contents: 'a', mode: 0o644, source: 'a' };
    const b = { path: 'x', contents: 'b', mode: 0o644, source: 'b' };
    expect(mergePlans([[a], [b]])).toEqual([b]);
  });

  it("runs a framework's actions in order and skips the ones whose skip gives a reason", async () => {
    const framework = fixtureFramework('base', {
      actions: () => [
        { type: 'renderTree', templates: 'base' },
        { type: 'renderTree', templates: 'base/_overlays/extra', skip: () => 'off' },
      ],
    });
    const paths = (await planProject(framework, data, store)).map((file) => file.path);
    expect(paths).not.toContain('only.txt');
  });
});

describe('escaping helpers', () => {
  const nasty = `He said "hi" \\ it's {{x}} <script>alert(1)</script> $HOME #{evil}\n# heading`;

  it('json/py/js/yaml: a double-quoted literal that parses back to the same text', () => {
    expect(JSON.parse(jsonString(nasty))).toBe(nasty);
    expect(jsonString('\u2028')).toBe('"\\u2028"');
  });

  it('ruby and php: single-quoted literals where #{} and $ stay text', () => {
    expect(singleQuotedString(`a'b\\c #{x}`)).toBe(`'a\\'b\\\\c #{x}'`);
    expect(singleQuotedString(`a'b\\c $x`)).toBe(`'a\\'b\\\\c $x'`);
  });

  it('html: no tag or attribute can be opened', () => {
    expect(htmlText(nasty)).not.toMatch(/[<>"']/);
  });

  it('markdown: one line, markup escaped', () => {
    const md = markdownText(nasty);
    expect(md).not.toContain('\n');
    expect(md).toContain('\\#');
    expect(md).not.toContain('<script');
  });

  it('comment: one line, cannot close a comment', () => {
    expect(commentText('a */ b --> c\nd')).toBe('a * / b -- > c d');
  });

  it('env: double-quoted, $ escaped', () => {
    expect(envValue('a"b$c')).toBe('"a\\"b\\$c"');
  });
});

import { describe, expect, it } from 'vitest';
import { createReporter, formatElapsed } from '../../src/reporter.js';
import { captureStream } from './helpers.js';

describe('progress of a long step', () => {
  it('without a terminal: a plain line at the start and one with the time taken at the end', () => {
    const out = captureStream(false);
    const task = createReporter(out, captureStream(), {}).task('Installing dependencies: npm install');
    task.done();
    expect(out.text()).toMatch(
      /^› Installing dependencies: npm install\n✔ Installing dependencies: npm install \(\d+ ms\)\n$/,
    );
  });

  it('in a terminal: one line, rewritten in place, ending with the mark and the time taken', () => {
    const out = captureStream(true);
    const task = createReporter(out, captureStream(), { NO_COLOR: '1' }).task('git init');
    task.failed();
    const eraseLine = '\r\u001b[2K';
    expect(out.text().split(eraseLine)).toEqual(['', '› git init', expect.stringMatching(/^✖ git init \(\d+ ms\)\n$/)]);
  });

  it.each([
    [842, '842 ms'],
    [4200, '4.2 s'],
    [38_000, '38 s'],
    [125_000, '2 min 05 s'],
  ])('shows %d ms as %s', (ms, shown) => {
    expect(formatElapsed(ms)).toBe(shown);
  });
});

import { describe, expect, it } from 'vitest';
import { renderAnnotation, TRUNCATION_MARK } from '../../../rules/core';
import type { Reason } from '../../../rules/core';

const reason = (message: string): Reason => ({ code: 'TEST', message });

describe('renderAnnotation', () => {
  it('is undefined when there are no reasons (Config rejects an empty annotation)', () => {
    expect(renderAnnotation([])).toBeUndefined();
    expect(renderAnnotation([reason('   ')])).toBeUndefined();
  });

  it('joins the reason messages with "; "', () => {
    expect(renderAnnotation([reason('Key policy omits 444455556666.'), reason('Grant missing.')])).toBe(
      'Key policy omits 444455556666.; Grant missing.',
    );
  });

  it.each([255, 256])('keeps a %i-character annotation whole', (n) => {
    const text = 'a'.repeat(n);
    expect(renderAnnotation([reason(text)])).toBe(text);
  });

  it('truncates a 257-character annotation to 256, marked', () => {
    const out = renderAnnotation([reason('a'.repeat(257))]) ?? '';
    expect(out).toHaveLength(256);
    expect(out.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(out).toBe(`${'a'.repeat(256 - TRUNCATION_MARK.length)}${TRUNCATION_MARK}`);
  });

  it('never splits a surrogate pair when cutting unicode text', () => {
    // '😀' is 2 UTF-16 code units; an odd offset forces the cut into the middle of one.
    const out = renderAnnotation([reason(`x${'😀'.repeat(200)}`)]) ?? '';
    expect(out.length).toBeLessThanOrEqual(256);
    expect(out.endsWith(TRUNCATION_MARK)).toBe(true);
    const body = out.slice(0, -TRUNCATION_MARK.length);
    expect(body).toBe(`x${'😀'.repeat((body.length - 1) / 2)}`);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out)).toBe(false);
  });

  it('keeps accented text of exactly 256 characters whole', () => {
    const text = 'é'.repeat(256);
    expect(renderAnnotation([reason(text)])).toBe(text);
  });
});

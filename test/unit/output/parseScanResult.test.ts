import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../rules/core/errors';
import { renderJson } from '../../../rules/output/renderJson';
import { parseScanResult } from '../../../rules/output/scanResult';
import { sampleScan } from './support/sampleScan';

describe('parseScanResult', () => {
  it('reads back what renderJson writes', () => {
    const scan = sampleScan();
    expect(parseScanResult(renderJson(scan))).toEqual(scan);
  });

  it.each([
    ['not JSON', '{', '$: not valid JSON'],
    ['an array', '[]', '$: expected a scan result object'],
    [
      'an inventory',
      JSON.stringify({ formatVersion: 1, organization: null, accounts: [] }),
      '$: this is an inventory, not a scan result',
    ],
    [
      'something else',
      JSON.stringify({ accounts: [] }),
      'formatVersion: missing: this is not an ami-share-guard scan result',
    ],
    [
      'a future version',
      JSON.stringify({ formatVersion: 9 }),
      'formatVersion: unsupported scan format version 9',
    ],
  ])('rejects %s with an error naming the problem', (_name, text, message) => {
    expect(() => parseScanResult(text)).toThrow(message);
  });

  it('names the path of a bad field deep in the details', () => {
    const scan = sampleScan();
    const json = JSON.parse(renderJson(scan));
    json.findings[0].details[1].compliance = 'PASSED';
    let error: unknown;
    try {
      parseScanResult(json);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).path).toBe('findings[0].details[1].compliance');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCapturingLogger, createJsonLogger, createLogger } from '../../../rules/core';
import { AssumeRoleDeniedError } from '../../../rules/core';

afterEach(() => vi.restoreAllMocks());

describe('loggers', () => {
  it('writes one JSON object per line on stdout, with the base fields', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    createJsonLogger({ ruleId: 'r' }).child({ account: '111111111111' }).info('done', { evaluationsPut: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'INFO',
      message: 'done',
      ruleId: 'r',
      account: '111111111111',
      evaluationsPut: 3,
    });
  });

  it('serialises errors as name, message and code', () => {
    const records: Record<string, unknown>[] = [];
    const logger = createLogger(
      (r) => records.push(r),
      {},
      () => new Date('2026-11-23T10:00:00.000Z'),
    );
    logger.error('failed', { error: new AssumeRoleDeniedError('arn:aws:iam::2:role/R', '2') });
    expect(records[0]).toEqual({
      level: 'ERROR',
      message: 'failed',
      timestamp: '2026-11-23T10:00:00.000Z',
      error: {
        name: 'AssumeRoleDeniedError',
        code: 'ASSUME_ROLE_DENIED',
        message:
          "cannot assume arn:aws:iam::2:role/R in account 2: check the role exists and trusts this function's role",
      },
    });
  });

  it('captures records for tests', () => {
    const { logger, records } = createCapturingLogger({ ruleId: 'r' });
    logger.warn('careful');
    expect(records).toMatchObject([{ level: 'WARN', message: 'careful', ruleId: 'r' }]);
  });
});

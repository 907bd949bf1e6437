import { describe, expect, it } from 'vitest';
import { AccountUnreachableError } from '../../../rules/core';
import { testRuleContext } from '../../fixtures/events';

describe('testRuleContext', () => {
  it('gives the configured accounts their config in the asked Region and refuses the others', () => {
    const ctx = testRuleContext({ accounts: { '111111111111': { retryMode: 'adaptive', maxAttempts: 1 } } });
    expect(ctx.awsConfigFor('111111111111', 'us-east-1')).toEqual({
      retryMode: 'adaptive',
      maxAttempts: 1,
      region: 'us-east-1',
    });
    expect(() => ctx.awsConfigFor('222222222222', 'us-east-1')).toThrow(AccountUnreachableError);
    ctx.logger.info('hello');
    expect(ctx.records.map((r) => r.message)).toEqual(['hello']);
    expect(ctx.budget.expired()).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { exitCodeOf, runScan } from '../../../cli/runScan';
import { inventory } from '../../fixtures/inventory';
import { fakeRule } from './support/fakeRule';

const inv = inventory()
  .account('111111111111', (a) => a.region('eu-west-1').region('us-east-1'))
  .account('222222222222', (a) => a.region('eu-west-1', (r) => r.unknown('keys', 'AccessDenied')))
  .build();

describe('runScan', () => {
  it('runs each rule per account and Region and records the scan scope', () => {
    const rule = fakeRule('rule-a', (_inv, _p, scope) => [
      {
        ruleId: 'rule-a',
        resourceType: 'AWS::::Account',
        resourceId: scope.accountId,
        accountId: scope.accountId,
        region: scope.region,
        compliance: 'COMPLIANT',
        scenarios: [],
        reasons: [],
      },
    ]);
    const scan = runScan(inv, [rule], { generatedAt: '2026-11-23T12:00:00.000Z', toolVersion: '1.2.3' });
    expect(scan.findings.map((f) => `${f.accountId}/${f.region}`)).toEqual([
      '111111111111/eu-west-1',
      '111111111111/us-east-1',
      '222222222222/eu-west-1',
    ]);
    expect(scan.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(scan.tool.version).toBe('1.2.3');
    expect(exitCodeOf(scan)).toBe(0);
  });

  it('turns a rule that throws into NON_COMPLIANT RULE_FAILED findings, never a pass, and goes on', () => {
    const broken = fakeRule('rule-broken', () => {
      throw new Error('boom');
    });
    const scan = runScan(inv, [broken, fakeRule('rule-ok')], {
      generatedAt: '2026-11-23T12:00:00.000Z',
      toolVersion: 'x',
    });
    expect(scan.findings.map((f) => [f.ruleId, f.accountId, f.compliance, f.reasons[0]?.code])).toEqual([
      ['rule-broken', '111111111111', 'NON_COMPLIANT', 'RULE_FAILED'],
      ['rule-broken', '222222222222', 'NON_COMPLIANT', 'RULE_FAILED'],
    ]);
    expect(scan.findings[0]?.reasons[0]?.message).toBe('rule rule-broken failed: boom');
    expect(exitCodeOf(scan)).toBe(1);
  });

  it('lists the facts that could not be read', () => {
    const scan = runScan(inv, [fakeRule('rule-a')], {
      generatedAt: '2026-11-23T12:00:00.000Z',
      toolVersion: 'x',
    });
    expect(scan.unknownFacts).toEqual(['222222222222/eu-west-1 keys: AccessDenied']);
  });

  it('narrows to --accounts and --regions', () => {
    const rule = fakeRule('rule-a', (_inv, _p, scope) => [
      {
        ruleId: 'rule-a',
        resourceType: 'AWS::::Account',
        resourceId: scope.accountId,
        accountId: scope.accountId,
        region: scope.region,
        compliance: 'NON_COMPLIANT',
        scenarios: [],
        reasons: [{ code: 'X', message: 'x' }],
      },
    ]);
    const scan = runScan(inv, [rule], {
      generatedAt: '2026-11-23T12:00:00.000Z',
      toolVersion: 'x',
      accounts: ['111111111111'],
      regions: ['us-east-1'],
    });
    expect(scan.findings.map((f) => `${f.accountId}/${f.region}`)).toEqual(['111111111111/us-east-1']);
    expect(scan.accounts).toEqual([{ id: '111111111111' }]);
  });
});

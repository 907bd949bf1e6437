import { describe, expect, it } from 'vitest';
import { summarizeScan } from '../../../rules/output/summarizeScan';
import { sampleScan } from './support/sampleScan';

describe('summarizeScan', () => {
  it('counts evaluations by compliance, rule, account and Region, and resources to fix', () => {
    const s = summarizeScan(sampleScan());
    expect(s.evaluations).toEqual({ total: 3, COMPLIANT: 1, NON_COMPLIANT: 2, NOT_APPLICABLE: 0 });
    expect(s.nonCompliantResources).toBe(2);
    expect(s.byRule.map((r) => [r.id, r.NON_COMPLIANT, r.COMPLIANT, r.scenarios.join(' ')])).toEqual([
      ['shared-ami-key-grants-consumers', 1, 1, 'L1'],
      ['kms-key-grants-image-consumers', 1, 0, 'L2'],
    ]);
    expect(s.byRegion.map((r) => [r.id, r.NON_COMPLIANT, r.COMPLIANT])).toEqual([
      ['eu-west-1', 2, 0],
      ['us-east-1', 0, 1],
    ]);
    expect(s.byAccount).toEqual([
      {
        id: '222222222222',
        name: 'image-factory',
        total: 3,
        COMPLIANT: 1,
        NON_COMPLIANT: 2,
        NOT_APPLICABLE: 0,
      },
    ]);
  });

  it('counts NON_COMPLIANT findings per scenario, details included, and the rules covering each', () => {
    const s = summarizeScan(sampleScan());
    const l1 = s.byScenario.find((x) => x.id === 'L1');
    expect(l1).toEqual({
      id: 'L1',
      nonCompliant: 2,
      coveredBy: ['shared-ami-key-grants-consumers', 'kms-key-grants-image-consumers'],
    });
    expect(s.byScenario.find((x) => x.id === 'D7')).toEqual({ id: 'D7', nonCompliant: 0, coveredBy: [] });
    expect(s.byScenario).toHaveLength(18);
  });
});

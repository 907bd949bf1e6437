import { describe, expect, it } from 'vitest';
import { asffFindingId, renderAsff } from '../../../rules/output/renderAsff';
import { AsffRequired } from './support/asffSchema';
import { amiDetail, sampleScan } from './support/sampleScan';

describe('renderAsff', () => {
  it('maps every NON_COMPLIANT resource to one ASFF finding that passes the required-field schema', () => {
    // Prepare
    const scan = sampleScan();
    // Act
    const findings = renderAsff(scan);
    // Assess
    expect(findings.map((f) => f.Resources?.[0]?.Id)).toEqual([
      'arn:aws:ec2:eu-west-1::image/ami-0aaaaaaaaaaaaaaa1',
      'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    ]);
    for (const f of findings) expect(AsffRequired.safeParse(f).error).toBeUndefined();
  });

  it('reports the per-AMI detail instead of the account evaluation that holds it', () => {
    const findings = renderAsff(sampleScan());
    expect(findings.some((f) => f.Resources?.[0]?.Type === 'AwsAccount')).toBe(false);
    expect(findings[0]?.ProductFields?.['ami-share-guard/EvaluationResourceId']).toBe('222222222222');
  });

  it('reports an account evaluation itself when none of its details failed', () => {
    const scan = sampleScan();
    const [first] = scan.findings;
    const onlyAccount = sampleScan({
      findings: [{ ...first!, details: [amiDetail('ami-0c', 'COMPLIANT')] }],
    });
    const findings = renderAsff(onlyAccount);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.Resources?.[0]).toMatchObject({
      Type: 'AwsAccount',
      Id: 'AWS::::Account:222222222222',
    });
  });

  it('takes severity from the rule metadata, scenario IDs into Types and ProductFields, and the fix into Remediation', () => {
    const [ami, key] = renderAsff(sampleScan());
    expect(ami?.Severity?.Label).toBe('HIGH');
    expect(key?.Severity?.Label).toBe('MEDIUM');
    expect(ami?.Types).toEqual(['Software and Configuration Checks/ami-share-guard/L1']);
    expect(key?.ProductFields?.['ami-share-guard/Scenarios']).toBe('L2');
    expect(ami?.Remediation?.Recommendation?.Text).toContain('"Sid":"Allow use of the key"');
    expect(ami?.ProductFields?.['ami-share-guard/MissingActions']).toBe('kms:Decrypt,kms:DescribeKey');
  });

  it('keeps Remediation.Recommendation.Text within 512 characters for a long fix', () => {
    const scan = sampleScan();
    const huge = amiDetail('ami-0d', 'NON_COMPLIANT', {
      fix: { summary: 'x'.repeat(600), keyPolicyStatements: [{ Sid: 'y'.repeat(900) }] },
    });
    const [f] = renderAsff({ ...scan, findings: [huge] });
    expect(f?.Remediation?.Recommendation?.Text?.length).toBe(512);
  });

  it('gives the same deterministic Id to the same (rule, account, Region, resource) across scans', () => {
    const a = renderAsff(sampleScan());
    const b = renderAsff(sampleScan({ generatedAt: '2026-12-01T00:00:00.000Z' }));
    expect(a.map((f) => f.Id)).toEqual(b.map((f) => f.Id));
    expect(a[0]?.Id).toBe(
      asffFindingId({
        ruleId: 'shared-ami-key-grants-consumers',
        accountId: '222222222222',
        region: 'eu-west-1',
        resourceType: 'AWS::EC2::Image',
        resourceId: 'ami-0aaaaaaaaaaaaaaa1',
      }),
    );
    expect(b[0]?.UpdatedAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it('adds COMPLIANT evaluations and details as PASSED INFORMATIONAL findings when asked', () => {
    const findings = renderAsff(sampleScan(), { includeCompliant: true });
    const passed = findings.filter((f) => f.Compliance?.Status === 'PASSED');
    expect(passed.map((f) => f.Resources?.[0]?.Id)).toEqual([
      'arn:aws:ec2:eu-west-1::image/ami-0bbbbbbbbbbbbbbb2',
      'AWS::::Account:222222222222',
    ]);
    expect(passed.every((f) => f.Severity?.Label === 'INFORMATIONAL')).toBe(true);
    for (const f of findings) expect(AsffRequired.safeParse(f).error).toBeUndefined();
  });

  it('puts the ProductArn in the account and Region of the finding', () => {
    const [f] = renderAsff(sampleScan());
    expect(f?.ProductArn).toBe('arn:aws:securityhub:eu-west-1:222222222222:product/222222222222/default');
  });
});

import type { Finding } from '../../../../rules/core/finding';
import type { ScanResult } from '../../../../rules/output/scanResult';

export const LAUNCH_RULE = 'shared-ami-key-grants-consumers';
export const KEY_RULE = 'kms-key-grants-image-consumers';

export function amiDetail(
  imageId: string,
  compliance: Finding['compliance'],
  extra: Partial<Finding> = {},
): Finding {
  return {
    ruleId: LAUNCH_RULE,
    resourceType: 'AWS::EC2::Image',
    resourceId: imageId,
    accountId: '222222222222',
    region: 'eu-west-1',
    compliance,
    scenarios: compliance === 'NON_COMPLIANT' ? ['L1'] : [],
    reasons:
      compliance === 'NON_COMPLIANT'
        ? [
            {
              code: 'KEY_POLICY_MISSING_CONSUMER',
              message: `The key of ${imageId} does not let 444444444444 use it`,
            },
          ]
        : [],
    ...extra,
  };
}

/** A scan with an account-level evaluation holding per-AMI details, a key evaluation and a compliant one. */
export function sampleScan(overrides: Partial<ScanResult> = {}): ScanResult {
  const failingAmi = amiDetail('ami-0aaaaaaaaaaaaaaa1', 'NON_COMPLIANT', {
    consumer: '444444444444',
    missingActions: ['kms:Decrypt', 'kms:DescribeKey'],
    fix: {
      summary: 'Add "Allow use of the key" for 444444444444 to the key policy',
      keyArn: 'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      keyPolicyStatements: [
        {
          Sid: 'Allow use of the key',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::444444444444:root'] },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
          Resource: '*',
        },
      ],
    },
  });
  const findings: Finding[] = [
    {
      ruleId: LAUNCH_RULE,
      resourceType: 'AWS::::Account',
      resourceId: '222222222222',
      accountId: '222222222222',
      region: 'eu-west-1',
      compliance: 'NON_COMPLIANT',
      scenarios: ['L1'],
      reasons: [
        { code: 'AMIS_NON_COMPLIANT', message: '1 of 2 shared AMIs cannot be launched by their consumers' },
      ],
      details: [failingAmi, amiDetail('ami-0bbbbbbbbbbbbbbb2', 'COMPLIANT')],
    },
    {
      ruleId: LAUNCH_RULE,
      resourceType: 'AWS::::Account',
      resourceId: '222222222222',
      accountId: '222222222222',
      region: 'us-east-1',
      compliance: 'COMPLIANT',
      scenarios: [],
      reasons: [],
    },
    {
      ruleId: KEY_RULE,
      resourceType: 'AWS::KMS::Key',
      resourceId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      resourceArn: 'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      accountId: '222222222222',
      region: 'eu-west-1',
      compliance: 'NON_COMPLIANT',
      scenarios: ['L2'],
      reasons: [
        {
          code: 'KEY_POLICY_MISSING_GRANTS',
          message: 'The key policy lets 444444444444 use the key but not create grants',
        },
      ],
    },
  ];
  return {
    formatVersion: 1,
    tool: { name: 'ami-share-guard', version: '0.1.0' },
    generatedAt: '2026-11-23T12:00:00.000Z',
    source: { kind: 'demo', description: 'sample scan' },
    partition: 'aws',
    rules: [
      {
        id: LAUNCH_RULE,
        title: 'Shared AMI keys let consumers launch',
        severity: 'HIGH',
        scenarios: ['L1', 'L2', 'G3'],
      },
      {
        id: KEY_RULE,
        title: 'Keys grant image consumers',
        severity: 'MEDIUM',
        scenarios: ['L1', 'L2', 'G2', 'G3', 'D12'],
      },
    ],
    accounts: [{ id: '222222222222', name: 'image-factory' }],
    regions: ['eu-west-1', 'us-east-1'],
    findings,
    ...overrides,
  };
}

import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import type { Finding } from '../../../../rules/core/finding';
import {
  evaluateSharedAmiUsesCustomerManagedKey,
  metadata,
} from '../../../../rules/shared-ami-uses-customer-managed-key';
import type { RegionBuilder } from '../../../fixtures/inventory';
import { inventory } from '../../../fixtures/inventory';

const OWNER = '111111111111';
const CONSUMER = '222222222222';
const REGION = 'eu-west-1';
const AMI = 'ami-0000000000000000a';
const scope = { accountId: OWNER, region: REGION };
const defaults = parseRuleParameters(metadata, {});

function run(configure: (r: RegionBuilder) => unknown, raw: Record<string, string> = {}): Finding[] {
  const inv = inventory()
    .account(OWNER, (a) => a.region(REGION, configure))
    .build();
  return evaluateSharedAmiUsesCustomerManagedKey(inv, parseRuleParameters(metadata, raw), scope);
}

function single(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  const [f] = findings;
  if (!f) throw new Error('no finding');
  return f;
}

describe('Rule: shared-ami-uses-customer-managed-key', () => {
  it('has the id of its folder', () => {
    const folder = basename(dirname(fileURLToPath(import.meta.url)));
    expect(metadata.id).toBe(folder);
  });

  const cases: {
    name: string;
    region: (r: RegionBuilder) => unknown;
    compliance: 'COMPLIANT' | 'NON_COMPLIANT';
    scenarios: string[];
    code?: string;
  }[] = [
    {
      name: `G1: NON_COMPLIANT when ${AMI} shared with ${CONSUMER} has a snapshot on the AWS managed key`,
      region: (r) =>
        r
          .awsManagedEbsKey()
          .image({ imageId: AMI, snapshots: [{ key: 'alias/aws/ebs' }], sharedWith: [CONSUMER] }),
      compliance: 'NON_COMPLIANT',
      scenarios: ['G1'],
      code: 'AWS_MANAGED_KEY',
    },
    {
      name: 'G1 twin: COMPLIANT once the AMI is copied onto a customer managed key and the copy is shared',
      region: (r) =>
        r
          .awsManagedEbsKey()
          .key({ aliases: ['alias/ami'] })
          .image({ imageId: AMI, snapshots: [{ key: 'alias/ami' }], sharedWith: [CONSUMER] }),
      compliance: 'COMPLIANT',
      scenarios: [],
    },
    {
      name: 'G1: NON_COMPLIANT when the second of two snapshots uses the AWS managed key',
      region: (r) =>
        r
          .awsManagedEbsKey()
          .key({ aliases: ['alias/ami'] })
          .image({
            imageId: AMI,
            snapshots: [{ key: 'alias/ami' }, { key: 'alias/aws/ebs' }],
            sharedWith: [CONSUMER],
          }),
      compliance: 'NON_COMPLIANT',
      scenarios: ['G1'],
      code: 'AWS_MANAGED_KEY',
    },
    {
      name: 'G1: NON_COMPLIANT when a public AMI has an encrypted snapshot',
      region: (r) =>
        r
          .key({ aliases: ['alias/ami'] })
          .image({ imageId: AMI, snapshots: [{ key: 'alias/ami' }], public: true }),
      compliance: 'NON_COMPLIANT',
      scenarios: ['G1'],
      code: 'ENCRYPTED_PUBLIC',
    },
    {
      name: 'G1 twin: COMPLIANT when a public AMI is unencrypted (public AMIs allowed by default)',
      region: (r) => r.image({ imageId: AMI, public: true }),
      compliance: 'COMPLIANT',
      scenarios: [],
    },
    {
      name: 'G2: NON_COMPLIANT when the shared AMI key is disabled',
      region: (r) =>
        r
          .key({ aliases: ['alias/ami'], keyState: 'Disabled' })
          .image({ imageId: AMI, snapshots: [{ key: 'alias/ami' }], sharedWith: [CONSUMER] }),
      compliance: 'NON_COMPLIANT',
      scenarios: ['G2'],
      code: 'KEY_NOT_ENABLED',
    },
    {
      name: 'G2: NON_COMPLIANT when the shared AMI key is pending deletion',
      region: (r) =>
        r
          .key({
            aliases: ['alias/ami'],
            keyState: 'PendingDeletion',
            deletionDate: '2026-12-01T00:00:00.000Z',
          })
          .image({ imageId: AMI, snapshots: [{ key: 'alias/ami' }], sharedWith: [CONSUMER] }),
      compliance: 'NON_COMPLIANT',
      scenarios: ['G2'],
      code: 'KEY_NOT_ENABLED',
    },
    {
      name: 'G2: NON_COMPLIANT when the shared AMI key is pending import',
      region: (r) =>
        r
          .key({ aliases: ['alias/ami'], keyState: 'PendingImport' })
          .image({ imageId: AMI, snapshots: [{ key: 'alias/ami' }], sharedWith: [CONSUMER] }),
      compliance: 'NON_COMPLIANT',
      scenarios: ['G2'],
      code: 'KEY_NOT_ENABLED',
    },
    {
      name: 'G2 twin: COMPLIANT once the key is enabled again',
      region: (r) =>
        r
          .key({ aliases: ['alias/ami'], keyState: 'Enabled' })
          .image({ imageId: AMI, snapshots: [{ key: 'alias/ami' }], sharedWith: [CONSUMER] }),
      compliance: 'COMPLIANT',
      scenarios: [],
    },
    {
      name: 'G2: NON_COMPLIANT when the snapshot key no longer exists in the account',
      region: (r) =>
        r.image({
          imageId: AMI,
          snapshots: [{ key: `arn:aws:kms:${REGION}:${OWNER}:key/1234abcd-12ab-34cd-56ef-000000000999` }],
          sharedWith: [CONSUMER],
        }),
      compliance: 'NON_COMPLIANT',
      scenarios: ['G2'],
      code: 'KEY_NOT_FOUND',
    },
    {
      name: 'NON_COMPLIANT (FACT_UNREADABLE) when the keys cannot be read, never COMPLIANT',
      region: (r) =>
        r
          .key({ aliases: ['alias/ami'] })
          .image({ imageId: AMI, snapshots: [{ key: 'alias/ami' }], sharedWith: [CONSUMER] })
          .unknown('keys'),
      compliance: 'NON_COMPLIANT',
      scenarios: [],
      code: 'FACT_UNREADABLE',
    },
    {
      name: 'NON_COMPLIANT (FACT_UNREADABLE) when launch permissions are unreadable and the AMI is on the AWS managed key',
      region: (r) =>
        r.awsManagedEbsKey().image({
          imageId: AMI,
          snapshots: [{ key: 'alias/aws/ebs' }],
          launchPermissions: { status: 'unknown', reason: { code: 'AccessDenied', message: 'denied' } },
        }),
      compliance: 'NON_COMPLIANT',
      scenarios: ['G1'],
      code: 'FACT_UNREADABLE',
    },
    {
      name: 'NON_COMPLIANT (FACT_UNREADABLE) when a snapshot of a shared AMI is missing from the snapshot list',
      region: (r) =>
        r.key({ aliases: ['alias/ami'] }).image({
          imageId: AMI,
          snapshots: [{ key: 'alias/ami', omitFromSnapshots: true }],
          sharedWith: [CONSUMER],
        }),
      compliance: 'NON_COMPLIANT',
      scenarios: [],
      code: 'FACT_UNREADABLE',
    },
  ];

  it.each(cases)('$name', ({ region, compliance, scenarios, code }) => {
    // Act
    const finding = single(run(region));
    // Assess
    expect(finding).toMatchObject({ resourceType: 'AWS::::Account', resourceId: OWNER, compliance });
    expect(finding.scenarios).toEqual(scenarios);
    const [ami] = finding.details ?? [];
    expect(ami).toMatchObject({ resourceType: 'AWS::EC2::Image', resourceId: AMI, compliance });
    if (code) expect(ami?.reasons.map((r) => r.code)).toContain(code);
    if (compliance === 'NON_COMPLIANT') {
      expect(finding.reasons[0]?.message).toContain(AMI);
      expect(finding.reasons.every((r) => r.message.length <= 160)).toBe(true);
    }
  });

  it('names the AWS managed key fix as a copy with a customer managed key, as data', () => {
    const finding = single(
      run((r) =>
        r
          .awsManagedEbsKey()
          .image({ imageId: AMI, snapshots: [{ key: 'alias/aws/ebs' }], sharedWith: [CONSUMER] }),
      ),
    );
    expect(finding.consumer).toBe(CONSUMER);
    expect(finding.fix?.steps?.[0]).toMatch(/copy-image .*--encrypted --kms-key-id/);
  });

  it('does not judge AMIs that are not shared (an AWS managed key is fine when nobody else launches)', () => {
    const finding = single(
      run((r) => r.awsManagedEbsKey().image({ imageId: AMI, snapshots: [{ key: 'alias/aws/ebs' }] })),
    );
    expect(finding.compliance).toBe('COMPLIANT');
    expect(finding.details).toEqual([]);
  });

  it('skips AMIs carrying the ExcludeAmiTag tag', () => {
    const findings = run(
      (r) =>
        r.awsManagedEbsKey().image({
          imageId: AMI,
          snapshots: [{ key: 'alias/aws/ebs' }],
          sharedWith: [CONSUMER],
          tags: { 'ami-share-guard': 'ignore' },
        }),
      { ExcludeAmiTag: 'ami-share-guard=ignore' },
    );
    expect(single(findings).compliance).toBe('COMPLIANT');
  });

  it('reports a public unencrypted AMI when AllowPublicUnencrypted is false', () => {
    const finding = single(
      run((r) => r.image({ imageId: AMI, public: true }), { AllowPublicUnencrypted: 'false' }),
    );
    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.details?.[0]?.reasons[0]?.code).toBe('PUBLIC_AMI_NOT_ALLOWED');
  });

  it('reports one AWS::EC2::Image evaluation per AMI with PerAmiEvaluations=true', () => {
    const findings = run(
      (r) =>
        r
          .awsManagedEbsKey()
          .key({ aliases: ['alias/ami'] })
          .image({ imageId: AMI, snapshots: [{ key: 'alias/aws/ebs' }], sharedWith: [CONSUMER] })
          .image({
            imageId: 'ami-0000000000000000b',
            snapshots: [{ key: 'alias/ami' }],
            sharedWith: [CONSUMER],
          }),
      { PerAmiEvaluations: 'true' },
    );
    expect(findings.map((f) => `${f.resourceType} ${f.resourceId} ${f.compliance}`)).toEqual([
      `AWS::EC2::Image ${AMI} NON_COMPLIANT`,
      'AWS::EC2::Image ami-0000000000000000b COMPLIANT',
    ]);
  });

  it('names the first AMIs and the count in the account annotation', () => {
    const finding = single(
      run((r) => {
        r.awsManagedEbsKey();
        for (let i = 0; i < 5; i++) {
          r.image({
            imageId: `ami-000000000000000${i}a`,
            snapshots: [{ key: 'alias/aws/ebs' }],
            sharedWith: [CONSUMER],
          });
        }
      }),
    );
    expect(finding.reasons[0]?.message).toBe(
      '5 of 5 shared AMIs fail: ami-0000000000000000a, ami-0000000000000001a, ami-0000000000000002a and 2 more',
    );
  });

  it('is NON_COMPLIANT at the account level when the AMIs cannot be listed', () => {
    const finding = single(run((r) => r.unknown('images')));
    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.reasons[0]?.code).toBe('FACT_UNREADABLE');
  });

  it('rejects a bad parameter, naming it', () => {
    expect(() => parseRuleParameters(metadata, { PerAmiEvaluations: 'yes' })).toThrow(
      /ruleParameters\.PerAmiEvaluations/,
    );
    expect(defaults).toEqual({ perAmiEvaluations: false, excludeAmiTag: undefined, allowPublic: true });
  });
});

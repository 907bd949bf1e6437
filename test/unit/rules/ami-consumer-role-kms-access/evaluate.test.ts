import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding, JsonObject } from '../../../../rules/core/finding';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import { evaluateAmiConsumerRoleKmsAccess, metadata } from '../../../../rules/ami-consumer-role-kms-access';
import type { EvaluationScope } from '../../../../rules/kit/inventoryRule';
import type { AccountBuilder, KeyOptions } from '../../../fixtures/inventory';
import {
  allowGrantsStatement,
  allowUseOfKeyStatement,
  inventory,
  keyPolicy,
  rootDelegationStatement,
} from '../../../fixtures/inventory';

const OWNER = '111111111111';
const CONSUMER = '222222222222';
const REGION = 'eu-west-1';
const KEY_ID = '1234abcd-12ab-34cd-56ef-00000000000a';
const KEY_ARN = `arn:aws:kms:${REGION}:${OWNER}:key/${KEY_ID}`;
const AMI = 'ami-0000000000000000a';
const SNAP = 'snap-0000000000000000a';
const scope: EvaluationScope = { accountId: CONSUMER, region: REGION };

const doc = (...Statement: JsonObject[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const RUN_INSTANCES = doc({ Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:Describe*'], Resource: '*' });
/** The article's KmsKeyUsagePolicy for the foreign key. */
const KMS_KEY_USAGE = doc(
  {
    Effect: 'Allow',
    Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
    Resource: [KEY_ARN],
  },
  {
    Effect: 'Allow',
    Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
    Resource: [KEY_ARN],
    Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
  },
);
const GRANTED = keyPolicy(OWNER, [
  rootDelegationStatement(OWNER),
  allowUseOfKeyStatement([CONSUMER]),
  allowGrantsStatement([CONSUMER]),
]);

interface Setup {
  readonly inline?: { policyName: string; document: string }[];
  readonly key?: KeyOptions | 'unread';
  /** Whether the consumer sees the snapshot (createVolumePermission). */
  readonly snapshotVisible?: boolean;
  readonly ownerImages?: boolean;
  readonly consumer?: (a: AccountBuilder) => unknown;
}

function build(s: Setup) {
  const b = inventory();
  b.account(CONSUMER, (a) => {
    a.role({
      roleName: 'launcher',
      inlinePolicies: s.inline ?? [{ policyName: 'run', document: RUN_INSTANCES }],
    });
    a.region(REGION, (r) =>
      r.sharedImage({
        imageId: AMI,
        ownerId: OWNER,
        public: false,
        state: 'available',
        blockDeviceMappings: [{ deviceName: '/dev/xvda', snapshotId: SNAP, encrypted: true }],
        tags: {},
        snapshots: [
          {
            snapshotId: SNAP,
            snapshot:
              s.snapshotVisible === false
                ? {
                    status: 'unknown',
                    reason: { code: 'NotFound', message: 'not visible', api: 'ec2:DescribeSnapshots' },
                  }
                : {
                    status: 'known',
                    value: { snapshotId: SNAP, ownerId: OWNER, encrypted: true, kmsKeyId: KEY_ARN },
                  },
          },
        ],
      }),
    );
    s.consumer?.(a);
  });
  if (s.key !== 'unread') {
    b.account(OWNER, (a) =>
      a.region(REGION, (r) => {
        r.key({ keyId: KEY_ID, policy: GRANTED, ...(s.key as KeyOptions | undefined) });
        if (s.ownerImages)
          r.image({ imageId: AMI, snapshots: [{ snapshotId: SNAP, key: KEY_ID }], sharedWith: [CONSUMER] });
      }),
    );
  }
  return b.build();
}

function run(s: Setup, raw: Record<string, string> = {}, sc: EvaluationScope = scope): Finding[] {
  return evaluateAmiConsumerRoleKmsAccess(build(s), parseRuleParameters(metadata, raw), sc);
}

function launcher(findings: Finding[]): Finding {
  const f = findings.find((x) => x.resourceArn === `arn:aws:iam::${CONSUMER}:role/launcher`);
  if (!f)
    throw new Error(
      `no finding for the launcher role: ${JSON.stringify(findings.map((x) => x.resourceArn))}`,
    );
  return f;
}

const cases: { name: string; setup: Setup; compliance: string; scenarios: string[]; code?: string }[] = [
  {
    name: `L3: NON_COMPLIANT when role launcher in ${CONSUMER} has no IAM permission on the foreign key`,
    setup: {},
    compliance: 'NON_COMPLIANT',
    scenarios: ['L3'],
    code: 'ROLE_MISSING_KEY_PERMISSIONS',
  },
  {
    name: "L3 twin: COMPLIANT once the article's KmsKeyUsagePolicy is attached to the role",
    setup: {
      inline: [
        { policyName: 'run', document: RUN_INSTANCES },
        { policyName: 'KmsKeyUsagePolicy', document: KMS_KEY_USAGE },
      ],
    },
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: 'L3: NON_COMPLIANT on the IAM side alone when the key owner cannot be read',
    setup: { key: 'unread' },
    compliance: 'NON_COMPLIANT',
    scenarios: ['L3'],
    code: 'KEY_POLICY_NOT_JUDGED',
  },
  {
    name: 'L3 twin: COMPLIANT on the IAM side when the key owner cannot be read, saying the key policy was not judged',
    setup: {
      key: 'unread',
      inline: [
        { policyName: 'run', document: RUN_INSTANCES },
        { policyName: 'KmsKeyUsagePolicy', document: KMS_KEY_USAGE },
      ],
    },
    compliance: 'COMPLIANT',
    scenarios: [],
    code: 'KEY_POLICY_NOT_JUDGED',
  },
  {
    name: 'L1, L2: NON_COMPLIANT when the role is fine but the foreign key policy omits the account',
    setup: {
      key: { policy: keyPolicy(OWNER) },
      inline: [
        { policyName: 'run', document: RUN_INSTANCES },
        { policyName: 'KmsKeyUsagePolicy', document: KMS_KEY_USAGE },
      ],
    },
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
    code: 'KEY_POLICY_MISSING_CONSUMER',
  },
  {
    name: 'G2: NON_COMPLIANT when the foreign key is disabled',
    setup: {
      key: { keyState: 'Disabled' },
      inline: [
        { policyName: 'run', document: RUN_INSTANCES },
        { policyName: 'KmsKeyUsagePolicy', document: KMS_KEY_USAGE },
      ],
    },
    compliance: 'NON_COMPLIANT',
    scenarios: ['G2'],
    code: 'KEY_NOT_ENABLED',
  },
  {
    name: "L3: judged through the owner's snapshots when the consumer cannot see the snapshot (organization mode)",
    setup: { snapshotVisible: false, ownerImages: true },
    compliance: 'NON_COMPLIANT',
    scenarios: ['L3'],
  },
  {
    name: 'NON_COMPLIANT (FACT_UNREADABLE) when the snapshot is invisible and its owner was not read',
    setup: { snapshotVisible: false, key: 'unread' },
    compliance: 'NON_COMPLIANT',
    scenarios: [],
    code: 'FACT_UNREADABLE',
  },
];

describe('Rule: ami-consumer-role-kms-access', () => {
  it('has the id of its folder', () => {
    expect(metadata.id).toBe(basename(dirname(fileURLToPath(import.meta.url))));
  });

  it.each(cases)('$name', ({ setup, compliance, scenarios, code }) => {
    // Act
    const f = launcher(run(setup));
    // Assess
    expect(f.resourceType).toBe('AWS::IAM::Role');
    expect(f.compliance).toBe(compliance);
    expect([...f.scenarios].sort()).toEqual([...scenarios].sort());
    if (code) expect(f.reasons.map((r) => r.code)).toContain(code);
    expect(f.reasons.every((r) => r.message.length <= 160)).toBe(true);
  });

  it("proposes the article's KmsKeyUsagePolicy on the key ARN for the role, as data", () => {
    const f = launcher(run({}));
    expect(f.consumer).toBe(`arn:aws:iam::${CONSUMER}:role/launcher`);
    expect(f.fix?.roleArn).toBe(`arn:aws:iam::${CONSUMER}:role/launcher`);
    expect(f.missingActions).toEqual([
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:ReEncryptFrom',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:CreateGrant',
    ]);
    expect(f.fix?.identityPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowUseOfTheKey',
          Effect: 'Allow',
          Action: [
            'kms:Decrypt',
            'kms:DescribeKey',
            'kms:ReEncryptFrom',
            'kms:GenerateDataKeyWithoutPlaintext',
          ],
          Resource: [KEY_ARN],
        },
        {
          Sid: 'AllowAttachmentOfPersistentResources',
          Effect: 'Allow',
          Action: ['kms:CreateGrant'],
          Resource: [KEY_ARN],
          Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
        },
      ],
    });
  });

  it(`L1, L2: NON_COMPLIANT (key-policy side) for a launcher of ${CONSUMER} that the role-scoped key policy does not name; COMPLIANT for the named one`, () => {
    // Prepare: the key names role launcher of the consumer account only; role deployer also launches
    const withUsage = [
      { policyName: 'run', document: RUN_INSTANCES },
      { policyName: 'KmsKeyUsagePolicy', document: KMS_KEY_USAGE },
    ];
    const named = `arn:aws:iam::${CONSUMER}:role/launcher`;
    const findings = run({
      inline: withUsage,
      key: {
        policy: keyPolicy(OWNER, [
          rootDelegationStatement(OWNER),
          allowUseOfKeyStatement([named]),
          allowGrantsStatement([named]),
        ]),
      },
      consumer: (a) => a.role({ roleName: 'deployer', inlinePolicies: withUsage }),
    });
    // Act
    const deployer = findings.find((f) => f.resourceArn === `arn:aws:iam::${CONSUMER}:role/deployer`);
    // Assess
    expect(launcher(findings).compliance).toBe('COMPLIANT');
    expect(deployer?.compliance).toBe('NON_COMPLIANT');
    expect([...(deployer?.scenarios ?? [])].sort()).toEqual(['L1', 'L2']);
    expect(deployer?.reasons[0]?.code).toBe('KEY_POLICY_MISSING_CONSUMER');
    expect(deployer?.fix?.keyPolicyStatements?.[0]).toMatchObject({
      Sid: 'Allow use of the key',
      Principal: { AWS: `arn:aws:iam::${CONSUMER}:role/deployer` },
    });
  });

  it('does not judge roles that cannot launch instances (periodic), and says NOT_APPLICABLE for one in a change-triggered run', () => {
    const setup: Setup = {
      consumer: (a) =>
        a.role({
          roleName: 'reader',
          inlinePolicies: [
            { policyName: 'r', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) },
          ],
        }),
    };
    expect(run(setup).map((f) => f.resourceArn)).toEqual([`arn:aws:iam::${CONSUMER}:role/launcher`]);
    const changed = run(
      setup,
      {},
      { ...scope, resource: { resourceType: 'AWS::IAM::Role', resourceId: 'reader' } },
    );
    expect(changed.map((f) => [f.resourceArn, f.compliance])).toEqual([
      [`arn:aws:iam::${CONSUMER}:role/reader`, 'NOT_APPLICABLE'],
    ]);
  });

  it('judges only roles matching RoleNamePatterns, and never service-linked roles', () => {
    const setup: Setup = {
      consumer: (a) =>
        a
          .role({ roleName: 'ci-launcher', inlinePolicies: [{ policyName: 'run', document: RUN_INSTANCES }] })
          .role({
            roleName: 'AWSServiceRoleForAutoScaling',
            path: '/aws-service-role/autoscaling.amazonaws.com/',
            inlinePolicies: [{ policyName: 'run', document: RUN_INSTANCES }],
          }),
    };
    expect(
      run(setup)
        .map((f) => f.resourceArn)
        .sort(),
    ).toEqual([`arn:aws:iam::${CONSUMER}:role/ci-launcher`, `arn:aws:iam::${CONSUMER}:role/launcher`]);
    expect(run(setup, { RoleNamePatterns: 'ci-*' }).map((f) => f.resourceArn)).toEqual([
      `arn:aws:iam::${CONSUMER}:role/ci-launcher`,
    ]);
  });

  it('is COMPLIANT for launchers when no shared AMI uses a foreign key', () => {
    const inv = inventory()
      .account(CONSUMER, (a) =>
        a
          .role({ roleName: 'launcher', inlinePolicies: [{ policyName: 'run', document: RUN_INSTANCES }] })
          .region(REGION),
      )
      .build();
    const [f] = evaluateAmiConsumerRoleKmsAccess(inv, parseRuleParameters(metadata, {}), scope);
    expect(f?.compliance).toBe('COMPLIANT');
    expect(f?.reasons[0]?.code).toBe('NO_FOREIGN_KEYS');
  });

  it('reports NON_COMPLIANT on the account when the roles cannot be read', () => {
    const findings = run({ consumer: (a) => a.unknown('roles') });
    expect(findings).toMatchObject([
      { resourceType: 'AWS::::Account', resourceId: CONSUMER, compliance: 'NON_COMPLIANT' },
    ]);
  });

  it('rejects a malformed SharedAmiRegions, naming the parameter', () => {
    expect(() => parseRuleParameters(metadata, { SharedAmiRegions: 'eu-west-1,mars' })).toThrow(
      /ruleParameters\.SharedAmiRegions: .*"mars"/,
    );
  });

  it('proposes one identity policy covering every foreign key the role lacks (resources joined)', () => {
    // Prepare: a second AMI from another owner, encrypted with that owner's key
    const third = '333333333333';
    const thirdKey = `arn:aws:kms:${REGION}:${third}:key/${KEY_ID}`;
    const inv = build({
      consumer: (a) =>
        a.region(REGION, (r) =>
          r.sharedImage({
            imageId: 'ami-0000000000000000b',
            ownerId: third,
            public: false,
            state: 'available',
            blockDeviceMappings: [
              { deviceName: '/dev/xvda', snapshotId: 'snap-0000000000000000b', encrypted: true },
            ],
            tags: {},
            snapshots: [
              {
                snapshotId: 'snap-0000000000000000b',
                snapshot: {
                  status: 'known',
                  value: {
                    snapshotId: 'snap-0000000000000000b',
                    ownerId: third,
                    encrypted: true,
                    kmsKeyId: thirdKey,
                  },
                },
              },
            ],
          }),
        ),
    });
    // Act
    const f = launcher(evaluateAmiConsumerRoleKmsAccess(inv, parseRuleParameters(metadata, {}), scope));
    // Assess
    const statements = (f.fix?.identityPolicy?.['Statement'] ?? []) as JsonObject[];
    expect(statements.map((s) => [s['Sid'], s['Resource']])).toEqual([
      ['AllowUseOfTheKey', [KEY_ARN, thirdKey]],
      ['AllowAttachmentOfPersistentResources', [KEY_ARN, thirdKey]],
    ]);
  });
});

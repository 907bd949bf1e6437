import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding, JsonObject } from '../../../../rules/core/finding';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import type { EvaluationScope } from '../../../../rules/kit/inventoryRule';
import {
  applyKeyConfigurationItem,
  evaluateKmsKeyGrantsImageConsumers,
  metadata,
} from '../../../../rules/kms-key-grants-image-consumers';
import { configurationItem } from '../../../fixtures/events';
import type { RegionBuilder } from '../../../fixtures/inventory';
import {
  allowGrantsStatement,
  allowUseOfKeyStatement,
  inventory,
  keyPolicy,
  rootDelegationStatement,
} from '../../../fixtures/inventory';

const OWNER = '111111111111';
const CONSUMER = '222222222222';
const TARGET = '444444444444';
const REGION = 'eu-west-1';
const KEY_ID = '1234abcd-12ab-34cd-56ef-00000000000a';
const KEY_ARN = `arn:aws:kms:${REGION}:${OWNER}:key/${KEY_ID}`;
const AMI = 'ami-0000000000000000a';
const STALE = 'AROAEXAMPLESTALE00001';
const LAUNCHER = `arn:aws:iam::${CONSUMER}:role/launcher`;
const TARGET_ROLE = `arn:aws:iam::${TARGET}:role/EC2ImageBuilderDistributionCrossAccountRole`;
const scope: EvaluationScope = { accountId: OWNER, region: REGION };

const policyWith = (...statements: JsonObject[]) =>
  keyPolicy(OWNER, [rootDelegationStatement(OWNER), ...statements]);
const granted = (...principals: string[]) =>
  policyWith(allowUseOfKeyStatement(principals), allowGrantsStatement(principals));

const sharedAmi = (r: RegionBuilder) =>
  r.image({ imageId: AMI, snapshots: [{ key: KEY_ID }], sharedWith: [CONSUMER] });
const distribution =
  (launchUserIds: string[] = []) =>
  (r: RegionBuilder) =>
    r.distributionConfiguration({
      arn: `arn:aws:imagebuilder:${REGION}:${OWNER}:distribution-configuration/golden`,
      name: 'golden',
      distributions: [
        {
          region: REGION,
          amiDistributionConfiguration: {
            kmsKeyId: 'alias/golden',
            targetAccountIds: [TARGET],
            ...(launchUserIds.length > 0 ? { launchPermission: { userIds: launchUserIds } } : {}),
          },
        },
      ],
    });

interface Case {
  readonly name: string;
  readonly key: Parameters<RegionBuilder['key']>[0];
  readonly uses: (r: RegionBuilder) => unknown;
  readonly compliance: 'COMPLIANT' | 'NON_COMPLIANT';
  readonly scenarios: string[];
  readonly code?: string;
}

const cases: Case[] = [
  {
    name: `L1: NON_COMPLIANT when the key of an AMI shared with ${CONSUMER} has no "Allow use of the key" for it`,
    key: { policy: policyWith(allowGrantsStatement([CONSUMER])) },
    uses: sharedAmi,
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1'],
    code: 'KEY_POLICY_MISSING_CONSUMER',
  },
  {
    name: `L1 twin: COMPLIANT once the key policy names ${CONSUMER} in both article statements`,
    key: { policy: granted(CONSUMER) },
    uses: sharedAmi,
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: `L2: NON_COMPLIANT when the key lacks "Allow attachment of persistent resources" for ${CONSUMER}`,
    key: { policy: policyWith(allowUseOfKeyStatement([CONSUMER])) },
    uses: sharedAmi,
    compliance: 'NON_COMPLIANT',
    scenarios: ['L2'],
  },
  {
    name: 'L2 twin: COMPLIANT once the grant statement is added',
    key: { policy: granted(CONSUMER) },
    uses: sharedAmi,
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: 'G1: NON_COMPLIANT when the AWS managed key backs a shared AMI',
    key: { aliases: ['alias/aws/ebs'], keyManager: 'AWS' },
    uses: sharedAmi,
    compliance: 'NON_COMPLIANT',
    scenarios: ['G1'],
    code: 'AWS_MANAGED_KEY',
  },
  {
    name: 'G1 twin: COMPLIANT for the AWS managed key once no shared AMI uses it',
    key: { aliases: ['alias/aws/ebs'], keyManager: 'AWS' },
    uses: (r) => r.image({ imageId: AMI, snapshots: [{ key: KEY_ID }] }),
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: 'G2: NON_COMPLIANT when a key that shared AMIs depend on is pending deletion',
    key: { policy: granted(CONSUMER), keyState: 'PendingDeletion' },
    uses: sharedAmi,
    compliance: 'NON_COMPLIANT',
    scenarios: ['G2'],
    code: 'KEY_NOT_ENABLED',
  },
  {
    name: 'G2 twin: COMPLIANT once its deletion is cancelled and it is enabled',
    key: { policy: granted(CONSUMER), keyState: 'Enabled' },
    uses: sharedAmi,
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: 'G2: NON_COMPLIANT when a distribution key is disabled',
    key: { aliases: ['alias/golden'], policy: granted(TARGET), keyState: 'Disabled' },
    uses: distribution(),
    compliance: 'NON_COMPLIANT',
    scenarios: ['G2'],
  },
  {
    name: `G3: NON_COMPLIANT when the key policy names the unique id ${STALE}`,
    key: {
      policy: policyWith(allowUseOfKeyStatement([CONSUMER, STALE]), allowGrantsStatement([CONSUMER, STALE])),
    },
    uses: sharedAmi,
    compliance: 'NON_COMPLIANT',
    scenarios: ['G3'],
    code: 'UNIQUE_ID_PRINCIPAL',
  },
  {
    name: 'G3 twin: COMPLIANT once the unique id is removed (replaced by the role ARN)',
    key: {
      policy: granted(CONSUMER, `arn:aws:iam::${CONSUMER}:role/launcher`),
    },
    uses: sharedAmi,
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: `COMPLIANT (KEY_POLICY_NAMES_PRINCIPALS) when the key of an AMI shared with ${CONSUMER} names its role launcher, not the account`,
    key: { policy: granted(LAUNCHER) },
    uses: sharedAmi,
    compliance: 'COMPLIANT',
    scenarios: [],
    code: 'KEY_POLICY_NAMES_PRINCIPALS',
  },
  {
    name: `L1, L2: NON_COMPLIANT when the key names role launcher of another account (${TARGET}), not of ${CONSUMER}`,
    key: { policy: granted(`arn:aws:iam::${TARGET}:role/launcher`) },
    uses: sharedAmi,
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
    code: 'KEY_POLICY_MISSING_CONSUMER',
  },
  {
    name: `G3: NON_COMPLIANT when the key policy names only the unique id ${STALE} (no named principal of ${CONSUMER})`,
    key: { policy: granted(STALE) },
    uses: sharedAmi,
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2', 'G3'],
    code: 'KEY_POLICY_MISSING_CONSUMER',
  },
  {
    name: `L1, L2: NON_COMPLIANT when an explicit Deny applies to the role launcher of ${CONSUMER} the key names`,
    key: {
      policy: policyWith(allowUseOfKeyStatement([LAUNCHER]), allowGrantsStatement([LAUNCHER]), {
        Sid: 'DenyLauncher',
        Effect: 'Deny',
        Principal: { AWS: LAUNCHER },
        Action: 'kms:*',
        Resource: '*',
      }),
    },
    uses: sharedAmi,
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
  },
  {
    name: `D12 twin: COMPLIANT (KEY_POLICY_NAMES_PRINCIPALS) when the distribution key names ${TARGET}'s EC2ImageBuilderDistributionCrossAccountRole, not the account`,
    key: { aliases: ['alias/golden'], policy: granted(TARGET_ROLE) },
    uses: distribution(),
    compliance: 'COMPLIANT',
    scenarios: [],
    code: 'KEY_POLICY_NAMES_PRINCIPALS',
  },
  {
    name: `D12: NON_COMPLIANT when the distribution key names another role of ${TARGET}, not the distribution role`,
    key: { aliases: ['alias/golden'], policy: granted(`arn:aws:iam::${TARGET}:role/launcher`) },
    uses: distribution(),
    compliance: 'NON_COMPLIANT',
    scenarios: ['D12'],
    code: 'KEY_POLICY_MISSING_CONSUMER',
  },
  {
    name: `D12 (key side): NON_COMPLIANT when a distribution key does not grant target account ${TARGET}`,
    key: { aliases: ['alias/golden'] },
    uses: distribution(),
    compliance: 'NON_COMPLIANT',
    scenarios: ['D12'],
  },
  {
    name: `D12 twin: COMPLIANT once the distribution key grants ${TARGET}`,
    key: { aliases: ['alias/golden'], policy: granted(TARGET) },
    uses: distribution(),
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: 'L1: NON_COMPLIANT when a distribution launch permission names an account the key does not grant',
    key: { aliases: ['alias/golden'], policy: granted(TARGET) },
    uses: distribution([CONSUMER]),
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
  },
  {
    name: 'COMPLIANT for a key nobody consumes, whatever its policy',
    key: {},
    uses: (r) => r.image({ imageId: AMI, snapshots: [{ key: KEY_ID }] }),
    compliance: 'COMPLIANT',
    scenarios: [],
    code: 'NO_IMAGE_CONSUMERS',
  },
  {
    name: 'NON_COMPLIANT (FACT_UNREADABLE) when the policy of a consumed key cannot be read',
    key: {
      policy: {
        status: 'unknown',
        reason: { code: 'AccessDenied', message: 'denied', api: 'kms:GetKeyPolicy' },
      },
    },
    uses: sharedAmi,
    compliance: 'NON_COMPLIANT',
    scenarios: [],
    code: 'FACT_UNREADABLE',
  },
  {
    name: 'NON_COMPLIANT (FACT_UNREADABLE) when the AMIs cannot be read (consumers unknown)',
    key: { policy: granted(CONSUMER) },
    uses: (r) => r.unknown('images'),
    compliance: 'NON_COMPLIANT',
    scenarios: [],
    code: 'FACT_UNREADABLE',
  },
];

function build(key: Case['key'], uses: Case['uses']) {
  return inventory()
    .account(OWNER, (a) =>
      a.region(REGION, (r) => {
        r.key({ keyId: KEY_ID, ...key });
        uses(r);
      }),
    )
    .build();
}

function judge(
  c: Pick<Case, 'key' | 'uses'>,
  s: EvaluationScope = scope,
  raw: Record<string, string> = {},
): Finding[] {
  return evaluateKmsKeyGrantsImageConsumers(build(c.key, c.uses), parseRuleParameters(metadata, raw), s);
}

describe('Rule: kms-key-grants-image-consumers', () => {
  it('has the id of its folder', () => {
    expect(metadata.id).toBe(basename(dirname(fileURLToPath(import.meta.url))));
  });

  it.each(cases)('$name', (c) => {
    // Act
    const findings = judge(c);
    // Assess
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      resourceType: 'AWS::KMS::Key',
      resourceId: KEY_ID,
      resourceArn: KEY_ARN,
      compliance: c.compliance,
    });
    expect([...(f?.scenarios ?? [])].sort()).toEqual([...c.scenarios].sort());
    if (c.code) expect(f?.reasons.map((r) => r.code)).toContain(c.code);
    expect(f?.reasons.every((r) => r.message.length <= 160)).toBe(true);
  });

  it(`says first which principals of ${CONSUMER} may launch when the key names them, not the account`, () => {
    // Act
    const [f] = judge({ key: { policy: granted(LAUNCHER) }, uses: sharedAmi });
    // Assess
    expect(f?.compliance).toBe('COMPLIANT');
    expect(f?.reasons[0]).toEqual({
      code: 'KEY_POLICY_NAMES_PRINCIPALS',
      message: `Only ${LAUNCHER} of ${CONSUMER} may launch from it (the key policy names it, not the account).`,
    });
  });

  it('proposes one "Allow use of the key" statement naming every consumer that lacks it', () => {
    // Prepare
    const inv = inventory()
      .account(OWNER, (a) =>
        a.region(REGION, (r) => {
          r.key({ keyId: KEY_ID });
          r.image({ imageId: AMI, snapshots: [{ key: KEY_ID }], sharedWith: [CONSUMER, TARGET] });
        }),
      )
      .build();
    // Act
    const [f] = evaluateKmsKeyGrantsImageConsumers(inv, parseRuleParameters(metadata, {}), scope);
    // Assess
    expect(f?.consumer).toBe(CONSUMER);
    expect(f?.details).toHaveLength(2);
    expect(f?.fix?.keyArn).toBe(KEY_ARN);
    expect(f?.fix?.keyPolicyStatements?.map((s) => [s['Sid'], s['Principal']])).toEqual([
      ['Allow use of the key', { AWS: [`arn:aws:iam::${CONSUMER}:root`, `arn:aws:iam::${TARGET}:root`] }],
      [
        'Allow attachment of persistent resources',
        { AWS: [`arn:aws:iam::${CONSUMER}:root`, `arn:aws:iam::${TARGET}:root`] },
      ],
    ]);
  });

  it('judges only the key of the configuration item in a change-triggered run', () => {
    const c = {
      key: {},
      uses: (r: RegionBuilder) => r.key({ keyId: 'ffffffff-12ab-34cd-56ef-00000000000f' }),
    };
    const findings = judge(c, {
      ...scope,
      resource: { resourceType: 'AWS::KMS::Key', resourceId: 'ffffffff-12ab-34cd-56ef-00000000000f' },
    });
    expect(findings.map((f) => f.resourceId)).toEqual(['ffffffff-12ab-34cd-56ef-00000000000f']);
  });

  it('G2: judges the state the configuration item carries (a key disabled since it was read)', () => {
    // Prepare
    const inv = build({ policy: granted(CONSUMER) }, sharedAmi);
    const ci = configurationItem({
      resourceType: 'AWS::KMS::Key',
      resourceId: KEY_ID,
      ARN: KEY_ARN,
      awsAccountId: OWNER,
      awsRegion: REGION,
      configuration: { keyId: KEY_ID, keyState: 'Disabled', enabled: false, keyManager: 'CUSTOMER' },
    });
    // Act
    const [f] = evaluateKmsKeyGrantsImageConsumers(
      applyKeyConfigurationItem(inv, ci),
      parseRuleParameters(metadata, {}),
      {
        ...scope,
        resource: { resourceType: 'AWS::KMS::Key', resourceId: KEY_ID },
      },
    );
    // Assess
    expect(f?.compliance).toBe('NON_COMPLIANT');
    expect(f?.scenarios).toEqual(['G2']);
  });

  it('reports NON_COMPLIANT on the account when the keys cannot be listed', () => {
    const findings = judge({ key: {}, uses: (r) => r.unknown('keys') });
    expect(findings).toMatchObject([
      { resourceType: 'AWS::::Account', resourceId: OWNER, compliance: 'NON_COMPLIANT' },
    ]);
  });

  it('skips keys listed in ExcludedKeys (by alias)', () => {
    const findings = judge({ key: { aliases: ['alias/legacy'] }, uses: sharedAmi }, scope, {
      ExcludedKeys: 'alias/legacy',
    });
    expect(findings).toEqual([]);
  });

  it('L1 twin: judges the key policy the configuration item carries (supplementaryConfiguration.Policy)', () => {
    // Prepare: the live read saw the default policy; the item carries the fixed one
    const inv = build({}, sharedAmi);
    const ci = configurationItem({
      resourceType: 'AWS::KMS::Key',
      resourceId: KEY_ID,
      ARN: KEY_ARN,
      awsAccountId: OWNER,
      awsRegion: REGION,
      configuration: { keyId: KEY_ID, keyState: 'Enabled', enabled: true, keyManager: 'CUSTOMER' },
      supplementaryConfiguration: { Policy: granted(CONSUMER) },
    });
    const params = parseRuleParameters(metadata, {});
    // Act
    const [before] = evaluateKmsKeyGrantsImageConsumers(inv, params, scope);
    const [after] = evaluateKmsKeyGrantsImageConsumers(applyKeyConfigurationItem(inv, ci), params, scope);
    // Assess
    expect(before?.compliance).toBe('NON_COMPLIANT');
    expect(after?.compliance).toBe('COMPLIANT');
  });

  it('leaves the inventory as read for an item of another resource type', () => {
    const inv = build({}, sharedAmi);
    const ci = configurationItem({
      resourceType: 'AWS::IAM::Role',
      resourceId: KEY_ID,
      configuration: { keyState: 'Disabled' },
    });
    expect(applyKeyConfigurationItem(inv, ci)).toBe(inv);
  });
});

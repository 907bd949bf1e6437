import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding, JsonObject } from '../../../../rules/core/finding';
import { parseRuleParameters } from '../../../../rules/core/ruleParameters';
import {
  evaluateSharedAmiKeyGrantsConsumers,
  metadata,
} from '../../../../rules/shared-ami-key-grants-consumers';
import type { InventoryBuilder, RegionBuilder } from '../../../fixtures/inventory';
import {
  allowGrantsStatement,
  allowUseOfKeyStatement,
  inventory,
  keyPolicy,
  orgArn,
  ouArn,
  rootDelegationStatement,
} from '../../../fixtures/inventory';

const OWNER = '111111111111';
const CONSUMER = '222222222222';
const OTHER = '333333333333';
const REGION = 'eu-west-1';
const AMI = 'ami-0000000000000000a';
const KEY_ID = '1234abcd-12ab-34cd-56ef-00000000000a';
const KEY_ARN = `arn:aws:kms:${REGION}:${OWNER}:key/${KEY_ID}`;
const ORG = 'o-exampleorg1';
const STALE_ROLE_ID = 'AROAEXAMPLESTALE00001';
const LAUNCHER = `arn:aws:iam::${CONSUMER}:role/launcher`;
const OTHER_LAUNCHER = `arn:aws:iam::${OTHER}:role/launcher`;
const LAUNCH_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:ReEncryptFrom',
  'kms:GenerateDataKeyWithoutPlaintext',
];

const orgStatement = (condition: JsonObject, actions: string[]): JsonObject => ({
  Sid: 'Allow organization use of the key',
  Effect: 'Allow',
  Principal: '*',
  Action: actions,
  Resource: '*',
  Condition: condition,
});
const orgUse = (condition: JsonObject) =>
  orgStatement(condition, [
    'kms:Encrypt',
    'kms:Decrypt',
    'kms:ReEncrypt*',
    'kms:GenerateDataKey*',
    'kms:DescribeKey',
  ]);
const orgGrants = (condition: JsonObject) => ({
  ...orgStatement(condition, ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant']),
  Sid: 'Allow organization attachment of persistent resources',
  Condition: { ...condition, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
});
const byOrgId = { StringEquals: { 'aws:PrincipalOrgID': ORG } };
const byOuPath = {
  'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/r-exmp/ou-exmp-apps0001/*`] },
};

type Share = { userId: string } | { organizationArn: string } | { organizationalUnitArn: string };

interface Case {
  readonly name: string;
  readonly statements?: JsonObject[];
  readonly share?: Share[];
  readonly keyState?: string;
  readonly org?: (b: InventoryBuilder) => unknown;
  readonly region?: (r: RegionBuilder) => unknown;
  readonly compliance: 'COMPLIANT' | 'NON_COMPLIANT';
  readonly scenarios: string[];
  readonly code?: string;
}

function build(c: Omit<Case, 'name' | 'compliance' | 'scenarios' | 'code'>) {
  const b = inventory();
  if (c.org) c.org(b);
  b.account(OWNER, (a) =>
    a.region(REGION, (r) => {
      r.key({
        keyId: KEY_ID,
        aliases: ['alias/ami'],
        ...(c.keyState ? { keyState: c.keyState } : {}),
        ...(c.statements
          ? { policy: keyPolicy(OWNER, [rootDelegationStatement(OWNER), ...c.statements]) }
          : {}),
      });
      if (c.region) c.region(r);
      else
        r.image({
          imageId: AMI,
          snapshots: [{ key: 'alias/ami' }],
          launchPermissions: c.share ?? [{ userId: CONSUMER }],
        });
    }),
  );
  return b.build();
}

function run(
  c: Omit<Case, 'name' | 'compliance' | 'scenarios' | 'code'>,
  raw: Record<string, string> = {},
): Finding {
  const findings = evaluateSharedAmiKeyGrantsConsumers(build(c), parseRuleParameters(metadata, raw), {
    accountId: OWNER,
    region: REGION,
  });
  expect(findings).toHaveLength(1);
  const [f] = findings;
  if (!f) throw new Error('no finding');
  return f;
}

const withOrg = (b: InventoryBuilder) =>
  b.org({
    managementAccountId: OWNER,
    accounts: [
      { id: OWNER },
      { id: CONSUMER, ouIds: ['ou-exmp-apps0001'] },
      { id: OTHER, ouIds: ['ou-exmp-data0001'] },
    ],
  });

const cases: Case[] = [
  {
    name: `L1: NON_COMPLIANT when the key policy omits consumer ${CONSUMER} from "Allow use of the key"`,
    statements: [allowGrantsStatement([CONSUMER])],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1'],
    code: 'KEY_POLICY_MISSING_CONSUMER',
  },
  {
    name: `L1 twin: COMPLIANT once "Allow use of the key" names ${CONSUMER}`,
    statements: [allowUseOfKeyStatement([CONSUMER]), allowGrantsStatement([CONSUMER])],
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: `L2: NON_COMPLIANT when "Allow attachment of persistent resources" omits ${CONSUMER}`,
    statements: [allowUseOfKeyStatement([CONSUMER])],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L2'],
    code: 'KEY_POLICY_MISSING_CONSUMER',
  },
  {
    name: `L2 twin: COMPLIANT once the grant statement names ${CONSUMER} with kms:GrantIsForAWSResource`,
    statements: [allowUseOfKeyStatement([CONSUMER]), allowGrantsStatement([CONSUMER])],
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: 'L1, L2: NON_COMPLIANT when the key has only the default root-delegation policy',
    statements: [],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
  },
  {
    name: 'L1: NON_COMPLIANT for an organization share when the key policy has no org condition',
    org: withOrg,
    share: [{ organizationArn: orgArn(OWNER) }],
    statements: [],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
  },
  {
    name: 'L1 twin: COMPLIANT for an organization share once Principal "*" + aws:PrincipalOrgID is allowed',
    org: withOrg,
    share: [{ organizationArn: orgArn(OWNER) }],
    statements: [orgUse(byOrgId), orgGrants(byOrgId)],
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: "L2: NON_COMPLIANT for an organization share with AWS's org example statement (no kms:CreateGrant)",
    org: withOrg,
    share: [{ organizationArn: orgArn(OWNER) }],
    statements: [orgUse(byOrgId)],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L2'],
  },
  {
    name: 'L1: NON_COMPLIANT for an OU share when the key policy has no aws:PrincipalOrgPaths grant',
    org: withOrg,
    share: [{ organizationalUnitArn: ouArn(OWNER, 'ou-exmp-apps0001') }],
    statements: [],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
  },
  {
    name: 'L1 twin: COMPLIANT for an OU share once aws:PrincipalOrgPaths covers the OU',
    org: withOrg,
    share: [{ organizationalUnitArn: ouArn(OWNER, 'ou-exmp-apps0001') }],
    statements: [orgUse(byOuPath), orgGrants(byOuPath)],
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: 'COMPLIANT for an organization share when members are unreadable but an org-wide grant exists',
    org: (b) => b.orgUnreadable(),
    share: [{ organizationArn: orgArn(OWNER) }],
    statements: [orgUse(byOrgId), orgGrants(byOrgId)],
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: 'NON_COMPLIANT (FACT_UNREADABLE) for an organization share when members are unreadable and no org-wide grant exists',
    org: (b) => b.orgUnreadable(),
    share: [{ organizationArn: orgArn(OWNER) }],
    statements: [allowUseOfKeyStatement([CONSUMER]), allowGrantsStatement([CONSUMER])],
    compliance: 'NON_COMPLIANT',
    scenarios: [],
    code: 'FACT_UNREADABLE',
  },
  {
    name: `G3: NON_COMPLIANT when the statements name a deleted role by its unique id ${STALE_ROLE_ID}`,
    statements: [allowUseOfKeyStatement([STALE_ROLE_ID]), allowGrantsStatement([STALE_ROLE_ID])],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2', 'G3'],
  },
  {
    name: `G3 twin: COMPLIANT once the unique id is replaced by the consumer's root ARN`,
    statements: [allowUseOfKeyStatement([CONSUMER]), allowGrantsStatement([CONSUMER])],
    compliance: 'COMPLIANT',
    scenarios: [],
  },
  {
    name: `COMPLIANT (KEY_POLICY_NAMES_PRINCIPALS) when the key policy names role launcher of ${CONSUMER}, not the account`,
    statements: [allowUseOfKeyStatement([LAUNCHER]), allowGrantsStatement([LAUNCHER])],
    compliance: 'COMPLIANT',
    scenarios: [],
    code: 'KEY_POLICY_NAMES_PRINCIPALS',
  },
  {
    name: `COMPLIANT (KEY_POLICY_NAMES_PRINCIPALS) when "Allow use of the key" names ${CONSUMER} and only its role launcher may create grants`,
    statements: [allowUseOfKeyStatement([CONSUMER]), allowGrantsStatement([LAUNCHER])],
    compliance: 'COMPLIANT',
    scenarios: [],
    code: 'KEY_POLICY_NAMES_PRINCIPALS',
  },
  {
    name: `L1, L2: NON_COMPLIANT when the key policy names role launcher of another account (${OTHER}), not of ${CONSUMER}`,
    statements: [allowUseOfKeyStatement([OTHER_LAUNCHER]), allowGrantsStatement([OTHER_LAUNCHER])],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
    code: 'KEY_POLICY_MISSING_CONSUMER',
  },
  {
    name: `L1, L2: NON_COMPLIANT when an explicit Deny applies to the role launcher of ${CONSUMER} the key policy names`,
    statements: [
      allowUseOfKeyStatement([LAUNCHER]),
      allowGrantsStatement([LAUNCHER]),
      {
        Sid: 'DenyLauncher',
        Effect: 'Deny',
        Principal: { AWS: LAUNCHER },
        Action: 'kms:Decrypt',
        Resource: '*',
      },
    ],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
    code: 'KEY_POLICY_MISSING_CONSUMER',
  },
  {
    name: `L1, L2: NON_COMPLIANT when an explicit Deny on ${CONSUMER}'s root applies to the role launcher the key policy names`,
    statements: [
      allowUseOfKeyStatement([LAUNCHER]),
      allowGrantsStatement([LAUNCHER]),
      {
        Sid: 'DenyConsumer',
        Effect: 'Deny',
        Principal: { AWS: CONSUMER },
        Action: 'kms:CreateGrant',
        Resource: '*',
      },
    ],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
    code: 'KEY_POLICY_DENIES_CONSUMER',
  },
  {
    name: `COMPLIANT (KEY_POLICY_NAMES_PRINCIPALS) for an organization share when the key policy names a role of every member`,
    org: withOrg,
    share: [{ organizationArn: orgArn(OWNER) }],
    statements: [
      allowUseOfKeyStatement([LAUNCHER, OTHER_LAUNCHER]),
      allowGrantsStatement([LAUNCHER, OTHER_LAUNCHER]),
    ],
    compliance: 'COMPLIANT',
    scenarios: [],
    code: 'KEY_POLICY_NAMES_PRINCIPALS',
  },
  {
    name: `L1, L2: NON_COMPLIANT for an organization share when the key policy names a role of ${CONSUMER} only (${OTHER} denied)`,
    org: withOrg,
    share: [{ organizationArn: orgArn(OWNER) }],
    statements: [allowUseOfKeyStatement([LAUNCHER]), allowGrantsStatement([LAUNCHER])],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1', 'L2'],
    code: 'KEY_POLICY_MISSING_CONSUMER',
  },
  {
    name: 'G2: NON_COMPLIANT when the key is disabled, even with a correct policy',
    statements: [allowUseOfKeyStatement([CONSUMER]), allowGrantsStatement([CONSUMER])],
    keyState: 'Disabled',
    compliance: 'NON_COMPLIANT',
    scenarios: ['G2'],
    code: 'KEY_NOT_ENABLED',
  },
  {
    name: 'NON_COMPLIANT when an explicit Deny for the consumer wins over the Allow statements',
    statements: [
      allowUseOfKeyStatement([CONSUMER]),
      allowGrantsStatement([CONSUMER]),
      {
        Sid: 'Deny',
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${CONSUMER}:root` },
        Action: 'kms:Decrypt',
        Resource: '*',
      },
    ],
    compliance: 'NON_COMPLIANT',
    scenarios: ['L1'],
    code: 'KEY_POLICY_DENIES_CONSUMER',
  },
  {
    name: 'NON_COMPLIANT (FACT_UNREADABLE) when the key policy cannot be read, never COMPLIANT',
    region: (r) =>
      r
        .key({
          aliases: ['alias/locked'],
          policy: {
            status: 'unknown',
            reason: { code: 'AccessDenied', message: 'denied', api: 'kms:GetKeyPolicy' },
          },
        })
        .image({ imageId: AMI, snapshots: [{ key: 'alias/locked' }], sharedWith: [CONSUMER] }),
    compliance: 'NON_COMPLIANT',
    scenarios: [],
    code: 'FACT_UNREADABLE',
  },
  {
    name: 'NON_COMPLIANT (FACT_UNREADABLE) when the snapshot key belongs to an account that could not be read',
    region: (r) =>
      r.image({
        imageId: AMI,
        snapshots: [{ key: `arn:aws:kms:${REGION}:${OTHER}:key/${KEY_ID}` }],
        sharedWith: [CONSUMER],
      }),
    compliance: 'NON_COMPLIANT',
    scenarios: [],
    code: 'FACT_UNREADABLE',
  },
  {
    name: 'NON_COMPLIANT (FACT_UNREADABLE) when launch permissions cannot be read',
    region: (r) =>
      r.image({
        imageId: AMI,
        snapshots: [{ key: 'alias/ami' }],
        launchPermissions: { status: 'unknown', reason: { code: 'AccessDenied', message: 'denied' } },
      }),
    compliance: 'NON_COMPLIANT',
    scenarios: [],
    code: 'FACT_UNREADABLE',
  },
];

describe('Rule: shared-ami-key-grants-consumers', () => {
  it('has the id of its folder', () => {
    expect(metadata.id).toBe(basename(dirname(fileURLToPath(import.meta.url))));
  });

  it.each(cases)('$name', (c) => {
    // Act
    const finding = run(c);
    // Assess
    expect(finding).toMatchObject({
      resourceType: 'AWS::::Account',
      resourceId: OWNER,
      compliance: c.compliance,
    });
    expect([...finding.scenarios].sort()).toEqual([...c.scenarios].sort());
    expect(finding.details?.every((d) => d.resourceId === AMI && d.resourceType === 'AWS::EC2::Image')).toBe(
      true,
    );
    if (c.code) expect(finding.details?.flatMap((d) => d.reasons.map((r) => r.code))).toContain(c.code);
    expect(finding.reasons.every((r) => r.message.length <= 160)).toBe(true);
  });

  it(`names the consumer, the missing actions and the article's two statements for ${CONSUMER}`, () => {
    // Act
    const finding = run({ statements: [] });
    // Assess
    expect(finding.consumer).toBe(CONSUMER);
    expect(finding.missingActions).toEqual([...LAUNCH_ACTIONS, 'kms:CreateGrant']);
    expect(finding.fix?.keyArn).toBe(KEY_ARN);
    expect(finding.fix?.keyPolicyStatements).toEqual([
      {
        Sid: 'Allow use of the key',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${CONSUMER}:root` },
        Action: LAUNCH_ACTIONS,
        Resource: '*',
      },
      {
        Sid: 'Allow attachment of persistent resources',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${CONSUMER}:root` },
        Action: ['kms:CreateGrant'],
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    ]);
    expect(finding.reasons[1]?.message).toContain(`does not let ${CONSUMER} launch from it`);
  });

  it(`says which principals of ${CONSUMER} may launch when the key policy names them, not the account`, () => {
    // Act
    const finding = run({
      statements: [allowUseOfKeyStatement([LAUNCHER]), allowGrantsStatement([LAUNCHER])],
    });
    // Assess
    expect(finding.compliance).toBe('COMPLIANT');
    expect(finding.details?.[0]?.reasons[0]).toEqual({
      code: 'KEY_POLICY_NAMES_PRINCIPALS',
      message: `Only ${LAUNCHER} of ${CONSUMER} may launch from it (the key policy names it, not the account).`,
    });
  });

  it(`G3: NON_COMPLIANT when the principals of ${CONSUMER} the key policy names are unique ids only`, () => {
    const finding = run({
      statements: [allowUseOfKeyStatement([STALE_ROLE_ID]), allowGrantsStatement([STALE_ROLE_ID])],
    });
    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.details?.flatMap((d) => d.reasons.map((r) => r.code))).not.toContain(
      'KEY_POLICY_NAMES_PRINCIPALS',
    );
  });

  it('proposes an aws:PrincipalOrgPaths statement for the OU itself for an OU share', () => {
    const finding = run({
      org: withOrg,
      share: [{ organizationalUnitArn: ouArn(OWNER, 'ou-exmp-apps0001') }],
      statements: [],
    });
    expect(finding.consumer).toBe(ouArn(OWNER, 'ou-exmp-apps0001'));
    expect(finding.fix?.keyPolicyStatements?.[0]).toMatchObject({
      Principal: '*',
      Condition: {
        'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/r-exmp/ou-exmp-apps0001/*`] },
      },
    });
  });

  it('proposes a Principal "*" + aws:PrincipalOrgID statement for an organization share', () => {
    const finding = run({ org: withOrg, share: [{ organizationArn: orgArn(OWNER) }], statements: [] });
    expect(finding.fix?.keyPolicyStatements?.[0]).toMatchObject({
      Principal: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
    });
    expect(finding.fix?.summary).toContain(`${CONSUMER}, ${OTHER}`);
  });

  it("judges a key of another account with that account's policy when it was read (organization mode)", () => {
    const foreignKey = `arn:aws:kms:${REGION}:${OTHER}:key/${KEY_ID}`;
    const inv = inventory()
      .account(OWNER, (a) =>
        a.region(REGION, (r) =>
          r.image({ imageId: AMI, snapshots: [{ key: foreignKey }], sharedWith: [CONSUMER] }),
        ),
      )
      .account(OTHER, (a) =>
        a.region(REGION, (r) =>
          r.key({
            keyId: KEY_ID,
            policy: keyPolicy(OTHER, [
              rootDelegationStatement(OTHER),
              allowUseOfKeyStatement([OWNER, CONSUMER]),
              allowGrantsStatement([OWNER, CONSUMER]),
            ]),
          }),
        ),
      )
      .build();
    const [finding] = evaluateSharedAmiKeyGrantsConsumers(inv, parseRuleParameters(metadata, {}), {
      accountId: OWNER,
      region: REGION,
    });
    expect(finding?.compliance).toBe('COMPLIANT');
  });

  it('does not judge consumers listed in IgnoredConsumerAccounts', () => {
    const finding = run({ statements: [] }, { IgnoredConsumerAccounts: CONSUMER });
    expect(finding.compliance).toBe('COMPLIANT');
    expect(finding.details).toEqual([]);
  });

  it('rejects a malformed IgnoredConsumerAccounts, naming the parameter', () => {
    expect(() => parseRuleParameters(metadata, { IgnoredConsumerAccounts: '2222' })).toThrow(
      /ruleParameters\.IgnoredConsumerAccounts: .*"2222" is not one/,
    );
  });

  it('NON_COMPLIANT (KEY_ACCESS_UNDECIDABLE), never COMPLIANT, when access depends on a condition the facts cannot settle', () => {
    // Prepare: the consumer statements only apply from a source IP range
    const onlyFrom = { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } };
    const finding = run({
      statements: [
        { ...allowUseOfKeyStatement([CONSUMER]), Condition: onlyFrom },
        {
          ...allowGrantsStatement([CONSUMER]),
          Condition: { ...onlyFrom, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
        },
      ],
    });
    // Assess
    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.details?.[0]?.reasons[0]).toMatchObject({ code: 'KEY_ACCESS_UNDECIDABLE' });
    expect(finding.details?.[0]?.reasons[0]?.message).toContain('aws:SourceIp');
  });

  it('names the denied member accounts of an organization share in the fix summary and counts them in the message', () => {
    const finding = run({ org: withOrg, share: [{ organizationArn: orgArn(OWNER) }], statements: [] });
    expect(finding.consumer).toBe(orgArn(OWNER));
    expect(finding.details?.[0]?.reasons[0]?.message).toContain(`organization ${ORG} (2 account(s))`);
  });

  it.each([
    [
      'an organization share of another organization',
      [{ organizationArn: 'arn:aws:organizations::999999999999:organization/o-otherorg000' }],
    ],
    [`an account outside the trusted organization (${'999999999999'})`, [{ userId: '999999999999' }]],
  ])('NON_COMPLIANT (UNTRUSTED_CONSUMER) with TrustedOrganizationIds for %s', (_name, share) => {
    const finding = run(
      { org: withOrg, share: share as Share[], statements: [orgUse(byOrgId), orgGrants(byOrgId)] },
      { TrustedOrganizationIds: ORG },
    );
    expect(finding.compliance).toBe('NON_COMPLIANT');
    expect(finding.details?.[0]?.reasons[0]?.code).toBe('UNTRUSTED_CONSUMER');
  });

  it('twin: COMPLIANT with TrustedOrganizationIds when the consumers are members of the trusted organization', () => {
    const finding = run(
      {
        org: withOrg,
        share: [{ userId: CONSUMER }, { organizationArn: orgArn(OWNER) }],
        statements: [orgUse(byOrgId), orgGrants(byOrgId)],
      },
      { TrustedOrganizationIds: ORG },
    );
    expect(finding.compliance).toBe('COMPLIANT');
  });
});

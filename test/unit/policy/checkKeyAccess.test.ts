import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../rules/core/finding';
import type { KeyAccessInput } from '../../../rules/policy';
import {
  checkKeyAccess,
  identityRemediation,
  imageBuilderServiceRoleArn,
  imageBuilderTargetRoleArn,
  parsePolicyDocument,
} from '../../../rules/policy';
import {
  attachmentStatement,
  CONSUMER_ACCOUNT,
  KEY_ACCOUNT,
  KEY_ARN,
  keyPolicyJson,
  LAUNCH_ROLE,
  ROOT_STATEMENT,
  useStatement,
} from './support/kmsQuestion';

const CONSUMER_ROOT = `arn:aws:iam::${CONSUMER_ACCOUNT}:root`;
const key = (...statements: JsonObject[]) => parsePolicyDocument(keyPolicyJson(statements), 'key');
const identity = (...statements: JsonObject[]) => parsePolicyDocument(keyPolicyJson(statements), 'identity');
/** The seed article's KmsKeyUsagePolicy, on the key ARN. */
const KMS_KEY_USAGE_POLICY = identity(
  {
    Sid: 'AllowUseOfTheKey',
    Effect: 'Allow',
    Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
    Resource: [KEY_ARN],
  },
  {
    Sid: 'AllowAttachmentOfPersistentResources',
    Effect: 'Allow',
    Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
    Resource: [KEY_ARN],
    Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
  },
);
/** The seed's "Allow use of the key" + "Allow attachment of persistent resources" for 444455556666. */
const SEED_KEY_POLICY = key(
  ROOT_STATEMENT,
  useStatement({ AWS: CONSUMER_ROOT }),
  attachmentStatement({ AWS: CONSUMER_ROOT }),
);
const accountConsumer = { kind: 'account', accountId: CONSUMER_ACCOUNT } as const;

function launch(overrides: Partial<KeyAccessInput>): KeyAccessInput {
  return {
    keyArn: KEY_ARN,
    keyPolicy: SEED_KEY_POLICY,
    consumer: accountConsumer,
    purpose: 'launch',
    ...overrides,
  };
}

describe('checkKeyAccess: launch (L1, L2, L3)', () => {
  it('allowed when the key policy has the seed statements for 444455556666 (L1/L2 compliant twin)', () => {
    const result = checkKeyAccess(launch({}));
    expect(result.decision).toBe('allowed');
    expect(result.missing).toEqual([]);
    expect(result.remediation).toEqual({ keyPolicyStatements: [], identityPolicy: null });
  });

  it('L1: denied when the key policy omits 444455556666, with both seed-shaped statements proposed', () => {
    // Prepare
    const input = launch({ keyPolicy: key(ROOT_STATEMENT) });
    // Act
    const result = checkKeyAccess(input);
    // Assess
    expect(result.decision).toBe('denied');
    expect(result.missing).toEqual([
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:ReEncryptFrom',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:CreateGrant',
    ]);
    expect(result.remediation.keyPolicyStatements).toEqual([
      {
        Sid: 'Allow use of the key',
        Effect: 'Allow',
        Principal: { AWS: CONSUMER_ROOT },
        Action: [
          'kms:Decrypt',
          'kms:DescribeKey',
          'kms:ReEncryptFrom',
          'kms:GenerateDataKeyWithoutPlaintext',
        ],
        Resource: '*',
      },
      {
        Sid: 'Allow attachment of persistent resources',
        Effect: 'Allow',
        Principal: { AWS: CONSUMER_ROOT },
        Action: ['kms:CreateGrant'],
        Resource: '*',
        Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      },
    ]);
    expect(result.explanation.length).toBeLessThanOrEqual(256);
    expect(result.explanation).toContain('444455556666');
  });

  it('L2: denied for kms:CreateGrant only when the attachment statement is missing', () => {
    const result = checkKeyAccess(
      launch({ keyPolicy: key(ROOT_STATEMENT, useStatement({ AWS: CONSUMER_ROOT })) }),
    );
    expect(result.missing).toEqual(['kms:CreateGrant']);
    expect(result.remediation.keyPolicyStatements).toHaveLength(1);
    expect(result.remediation.keyPolicyStatements[0]?.['Sid']).toBe(
      'Allow attachment of persistent resources',
    );
  });

  it('L3: denied for a role of 444455556666 without an identity policy, proposing the KmsKeyUsagePolicy shape only', () => {
    const result = checkKeyAccess(
      launch({ consumer: { kind: 'role', roleArn: LAUNCH_ROLE, identityPolicies: [] } }),
    );
    expect(result.decision).toBe('denied');
    expect(result.remediation.keyPolicyStatements).toEqual([]);
    expect(result.remediation.identityPolicy).toEqual({
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
    expect(result.explanation).toContain('no identity policy allows');
  });

  it('L3 compliant twin: allowed for the role once the seed KmsKeyUsagePolicy is attached', () => {
    const result = checkKeyAccess(
      launch({ consumer: { kind: 'role', roleArn: LAUNCH_ROLE, identityPolicies: [KMS_KEY_USAGE_POLICY] } }),
    );
    expect(result.decision).toBe('allowed');
  });

  it('allowed for an organization member under Principal "*" + aws:PrincipalOrgID when the org id is known', () => {
    const policy = key(
      useStatement('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }),
      {
        ...attachmentStatement('*'),
        Condition: {
          Bool: { 'kms:GrantIsForAWSResource': 'true' },
          StringEquals: { 'aws:PrincipalOrgID': 'o-abc' },
        },
      },
    );
    expect(
      checkKeyAccess(launch({ keyPolicy: policy, organization: { id: 'o-abc', paths: [] } })).decision,
    ).toBe('allowed');
    expect(
      checkKeyAccess(launch({ keyPolicy: policy, organization: { id: 'o-zzz', paths: [] } })).decision,
    ).toBe('denied');
  });

  it('conditional, naming aws:PrincipalOrgID, when the org id is not supplied', () => {
    const policy = key(
      useStatement('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }),
      attachmentStatement({ AWS: CONSUMER_ROOT }),
    );
    const result = checkKeyAccess(launch({ keyPolicy: policy }));
    expect(result.decision).toBe('conditional');
    expect(result.conditionalKeys).toEqual(['aws:PrincipalOrgID']);
    expect(result.remediation.keyPolicyStatements).toEqual([]);
    expect(result.explanation).toContain('aws:PrincipalOrgID');
  });

  it('allowed under the AWS-managed-key style Principal {"AWS": "*"} + kms:CallerAccount + kms:ViaService=ec2 (derived context)', () => {
    const policy = key({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:CreateGrant',
        'kms:DescribeKey',
      ],
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:CallerAccount': CONSUMER_ACCOUNT,
          'kms:ViaService': 'ec2.us-east-1.amazonaws.com',
        },
      },
    });
    expect(checkKeyAccess(launch({ keyPolicy: policy })).decision).toBe('allowed');
  });

  it('explicitly denied, reported with the Deny statement and no remediation that papers over it', () => {
    const policy = key(...(SEED_KEY_POLICY.raw['Statement'] as JsonObject[]), {
      Sid: 'DenyConsumerDecrypt',
      Effect: 'Deny',
      Principal: { AWS: CONSUMER_ROOT },
      Action: 'kms:Decrypt',
      Resource: '*',
    });
    const result = checkKeyAccess(launch({ keyPolicy: policy }));
    expect(result.decision).toBe('denied');
    expect(result.missing).toEqual(['kms:Decrypt']);
    expect(result.explicitDenies).toEqual([
      {
        action: 'kms:Decrypt',
        statements: [expect.objectContaining({ sid: 'DenyConsumerDecrypt', effect: 'Deny' })],
      },
    ]);
    expect(result.remediation.keyPolicyStatements).toEqual([]);
    expect(result.explanation).toContain('explicit Deny (DenyConsumerDecrypt)');
  });

  it('G3: flags a principal stored as a unique id and does not count it as a grant', () => {
    const policy = key(
      useStatement({ AWS: 'AROAEXAMPLEID1234567' }),
      attachmentStatement({ AWS: CONSUMER_ROOT }),
    );
    const result = checkKeyAccess(launch({ keyPolicy: policy }));
    expect(result.uniqueIdPrincipals).toEqual(['AROAEXAMPLEID1234567']);
    expect(result.decision).toBe('denied');
    expect(result.explanation).toContain('AROAEXAMPLEID1234567');
  });

  it('denied at account level when the key policy names only one role of 444455556666, and says so in the trace', () => {
    const policy = key(useStatement({ AWS: LAUNCH_ROLE }), attachmentStatement({ AWS: LAUNCH_ROLE }));
    const result = checkKeyAccess(launch({ keyPolicy: policy }));
    expect(result.decision).toBe('denied');
    expect(result.trace[0]?.notes.join(' ')).toContain('only named principals');
    expect(result.namedPrincipals).toEqual([LAUNCH_ROLE]);
  });

  const OTHER_ROLE = 'arn:aws:iam::999988887777:role/LaunchRole';
  const CONSUMER_USER = `arn:aws:iam::${CONSUMER_ACCOUNT}:user/alice`;
  it.each<{ name: string; statements: JsonObject[]; named: string[] }>([
    {
      name: 'a role and a user of 444455556666 named in both seed statements',
      statements: [
        useStatement({ AWS: [LAUNCH_ROLE, CONSUMER_USER] }),
        attachmentStatement({ AWS: [LAUNCH_ROLE, CONSUMER_USER] }),
      ],
      named: [LAUNCH_ROLE, CONSUMER_USER],
    },
    {
      name: 'the role named for grants, the account root for use (delegation covers the role)',
      statements: [useStatement({ AWS: CONSUMER_ROOT }), attachmentStatement({ AWS: LAUNCH_ROLE })],
      named: [LAUNCH_ROLE],
    },
    {
      name: 'no one: the role is named for use only, not for kms:CreateGrant',
      statements: [useStatement({ AWS: LAUNCH_ROLE })],
      named: [],
    },
    {
      name: 'no one: the role named belongs to another account',
      statements: [useStatement({ AWS: OTHER_ROLE }), attachmentStatement({ AWS: OTHER_ROLE })],
      named: [],
    },
    {
      name: 'no one (G3): the principal is a unique id',
      statements: [
        useStatement({ AWS: 'AROAEXAMPLEID1234567' }),
        attachmentStatement({ AWS: 'AROAEXAMPLEID1234567' }),
      ],
      named: [],
    },
    {
      name: 'no one: an explicit Deny names the role',
      statements: [
        useStatement({ AWS: LAUNCH_ROLE }),
        attachmentStatement({ AWS: LAUNCH_ROLE }),
        {
          Sid: 'DenyRole',
          Effect: 'Deny',
          Principal: { AWS: LAUNCH_ROLE },
          Action: 'kms:Decrypt',
          Resource: '*',
        },
      ],
      named: [],
    },
    {
      name: 'no one: an explicit Deny on the account root applies to its role',
      statements: [
        useStatement({ AWS: LAUNCH_ROLE }),
        attachmentStatement({ AWS: LAUNCH_ROLE }),
        {
          Sid: 'DenyAccount',
          Effect: 'Deny',
          Principal: { AWS: CONSUMER_ROOT },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
      named: [],
    },
    {
      name: 'no one: the role statement only applies under a condition the facts cannot settle',
      statements: [
        useStatement(
          { AWS: LAUNCH_ROLE },
          { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
        ),
        attachmentStatement({ AWS: LAUNCH_ROLE }),
      ],
      named: [],
    },
  ])('namedPrincipals at account level: $name', ({ statements, named }) => {
    // Act
    const result = checkKeyAccess(launch({ keyPolicy: key(ROOT_STATEMENT, ...statements) }));
    // Assess
    expect(result.decision).toBe('denied');
    expect(result.namedPrincipals).toEqual(named);
  });

  it('namedPrincipals is empty for a role consumer and when the account itself is granted', () => {
    const rolePolicy = key(useStatement({ AWS: LAUNCH_ROLE }), attachmentStatement({ AWS: LAUNCH_ROLE }));
    const asRole = checkKeyAccess(
      launch({
        keyPolicy: rolePolicy,
        consumer: { kind: 'role', roleArn: LAUNCH_ROLE, identityPolicies: [] },
      }),
    );
    expect(asRole.namedPrincipals).toEqual([]);
    expect(checkKeyAccess(launch({})).namedPrincipals).toEqual([]);
  });

  it('allowed for the role through a grant without any key-policy statement for it', () => {
    const result = checkKeyAccess(
      launch({
        keyPolicy: key(ROOT_STATEMENT),
        consumer: { kind: 'role', roleArn: LAUNCH_ROLE, identityPolicies: [] },
        grants: [
          {
            granteePrincipal: LAUNCH_ROLE,
            operations: [
              'Decrypt',
              'DescribeKey',
              'ReEncryptFrom',
              'GenerateDataKeyWithoutPlaintext',
              'CreateGrant',
            ],
          },
        ],
      }),
    );
    expect(result.decision).toBe('allowed');
    expect(result.actions[0]?.statements).toEqual([expect.objectContaining({ policy: 'grant' })]);
  });

  it('rejects a key id in place of a key ARN, naming the field', () => {
    expect(() => checkKeyAccess(launch({ keyArn: '1234abcd-12ab-34cd-56ef-1234567890ab' }))).toThrow(
      /^keyArn: /,
    );
  });
});

describe('checkKeyAccess: Image Builder (D6, D11, D12)', () => {
  it('D6 compliant twin: allowed for the service-linked role when the key policy keeps the root statement', () => {
    const result = checkKeyAccess({
      keyArn: KEY_ARN,
      keyPolicy: key(ROOT_STATEMENT),
      consumer: { kind: 'account', accountId: KEY_ACCOUNT },
      purpose: 'imagebuilder-service',
    });
    expect(result.decision).toBe('allowed');
    expect(result.trace[0]?.principal).toBe(imageBuilderServiceRoleArn(KEY_ACCOUNT));
  });

  it('D6: denied without the root statement, proposing the seed statement naming AWSServiceRoleForImageBuilder', () => {
    const result = checkKeyAccess({
      keyArn: KEY_ARN,
      keyPolicy: key({
        Sid: 'Admins',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${KEY_ACCOUNT}:role/Admin` },
        Action: 'kms:*',
        Resource: '*',
      }),
      consumer: { kind: 'account', accountId: KEY_ACCOUNT },
      purpose: 'imagebuilder-service',
    });
    expect(result.decision).toBe('denied');
    expect(result.remediation.keyPolicyStatements).toEqual([
      {
        Sid: 'Allow Image Builder service-linked role use of the key',
        Effect: 'Allow',
        Principal: { AWS: imageBuilderServiceRoleArn(KEY_ACCOUNT) },
        Action: [
          'kms:Decrypt',
          'kms:Encrypt',
          'kms:GenerateDataKeyWithoutPlaintext',
          'kms:DescribeKey',
          'kms:CreateGrant',
          'kms:ReEncryptFrom',
          'kms:ReEncryptTo',
        ],
        Resource: '*',
      },
    ]);
    expect(result.remediation.identityPolicy).toBeNull();
  });

  const targetRole = imageBuilderTargetRoleArn(CONSUMER_ACCOUNT);
  const seedInline = identity({
    Sid: 'VisualEditor0',
    Effect: 'Allow',
    Action: [
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:DescribeKey',
      'kms:CreateGrant',
      'kms:ReEncryptFrom',
      'kms:ReEncryptTo',
    ],
    Resource: '*',
  });
  const sharedBothWays = key(ROOT_STATEMENT, {
    Sid: 'Allow destination account',
    Effect: 'Allow',
    Principal: { AWS: CONSUMER_ROOT },
    Action: [
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:DescribeKey',
      'kms:CreateGrant',
      'kms:ReEncryptFrom',
      'kms:ReEncryptTo',
    ],
    Resource: '*',
  });

  it('D11: denied when the destination role has no KMS identity permission', () => {
    const result = checkKeyAccess({
      keyArn: KEY_ARN,
      keyPolicy: sharedBothWays,
      consumer: { kind: 'role', roleArn: targetRole, identityPolicies: [] },
      purpose: 'imagebuilder-target',
    });
    expect(result.decision).toBe('denied');
    expect(result.remediation.identityPolicy).not.toBeNull();
    expect(result.remediation.keyPolicyStatements).toEqual([]);
  });

  it('D11/D12 compliant twin: allowed with the seed inline policy and the key shared with the destination account', () => {
    const result = checkKeyAccess({
      keyArn: KEY_ARN,
      keyPolicy: sharedBothWays,
      consumer: { kind: 'role', roleArn: targetRole, identityPolicies: [seedInline] },
      purpose: 'imagebuilder-target',
    });
    expect(result.decision).toBe('allowed');
  });

  it('D12: denied at account level when the source key is not shared with the destination account', () => {
    const result = checkKeyAccess({
      keyArn: KEY_ARN,
      keyPolicy: key(ROOT_STATEMENT),
      consumer: accountConsumer,
      purpose: 'imagebuilder-target',
    });
    expect(result.decision).toBe('denied');
    expect(result.missing).toHaveLength(7);
  });
});

describe('identityRemediation', () => {
  it("shapes the missing actions like the article's KmsKeyUsagePolicy on the key ARN", () => {
    expect(identityRemediation(KEY_ARN, ['kms:Decrypt', 'kms:CreateGrant'])).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AllowUseOfTheKey', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [KEY_ARN] },
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

  it('is null when no action is missing', () => {
    expect(identityRemediation(KEY_ARN, [])).toBeNull();
  });

  it('is the identity policy checkKeyAccess proposes for a role', () => {
    const result = checkKeyAccess(
      launch({ consumer: { kind: 'role', roleArn: LAUNCH_ROLE, identityPolicies: [] } }),
    );
    expect(result.remediation.identityPolicy).toEqual(identityRemediation(KEY_ARN, result.missing));
  });
});

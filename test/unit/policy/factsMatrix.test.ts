import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../rules/core/finding';
import type { Decision } from '../../../rules/policy';
import { IMAGE_BUILDER_SLR_POLICY, imageBuilderServiceRoleArn } from '../../../rules/policy';
import { oracleDecision } from './support/iamSimulateOracle';
import type { KmsQuestion } from './support/kmsQuestion';
import {
  attachmentStatement,
  CONSUMER_ACCOUNT,
  engineEvaluate,
  IDENTITY_ON_KEY,
  KEY_ACCOUNT,
  KEY_ARN,
  keyPolicyJson,
  LAUNCH_ROLE,
  ROOT_STATEMENT,
  useStatement,
} from './support/kmsQuestion';

const CONSUMER_ROOT = `arn:aws:iam::${CONSUMER_ACCOUNT}:root`;
const CONSUMER_CONTEXT = {
  'aws:PrincipalAccount': CONSUMER_ACCOUNT,
  'kms:CallerAccount': CONSUMER_ACCOUNT,
  'aws:PrincipalArn': LAUNCH_ROLE,
};
const SAME_ROLE = `arn:aws:iam::${KEY_ACCOUNT}:role/KeyUser`;
const SAME_CONTEXT = {
  'aws:PrincipalAccount': KEY_ACCOUNT,
  'kms:CallerAccount': KEY_ACCOUNT,
  'aws:PrincipalArn': SAME_ROLE,
};
const SLR = imageBuilderServiceRoleArn(KEY_ACCOUNT);
const SLR_SESSION = `arn:aws:sts::${KEY_ACCOUNT}:assumed-role/AWSServiceRoleForImageBuilder/Ec2ImageBuilderIntegrationService`;
const SLR_STATEMENTS = IMAGE_BUILDER_SLR_POLICY['Statement'] as JsonObject[];
const EBS_CONTEXT = {
  'kms:ViaService': 'ec2.us-east-1.amazonaws.com',
  'kms:EncryptionContextKeys': ['aws:ebs:id'],
};

interface Row {
  readonly name: string;
  readonly question: KmsQuestion;
  readonly expected: Decision;
  /** iam-simulate gives the same answer on the same (closed) question. */
  readonly oracle: boolean;
}

const star = '*';
const rows: readonly Row[] = [
  {
    name: 'allowed when the key policy grants 444455556666 root and an identity policy allows the key ARN',
    question: {
      keyStatements: [ROOT_STATEMENT, useStatement({ AWS: CONSUMER_ROOT })],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'allowed',
    oracle: true,
  },
  {
    name: 'implicitly denied when the key policy grants 444455556666 root but no identity policy is attached',
    question: {
      keyStatements: [ROOT_STATEMENT, useStatement({ AWS: CONSUMER_ROOT })],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'implicitly-denied',
    oracle: true,
  },
  {
    name: 'implicitly denied when the key policy is the default root statement only, even with an identity policy',
    question: {
      keyStatements: [ROOT_STATEMENT],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'implicitly-denied',
    oracle: true,
  },
  {
    name: 'allowed when the key policy names the bare account id 444455556666',
    question: {
      keyStatements: [useStatement({ AWS: CONSUMER_ACCOUNT })],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'allowed',
    oracle: true,
  },
  {
    name: 'allowed when the key policy names the role ARN and its identity policy allows',
    question: {
      keyStatements: [useStatement({ AWS: LAUNCH_ROLE })],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'allowed',
    oracle: true,
  },
  {
    name: 'implicitly denied when the key policy names the role ARN but no identity policy allows (cross-account)',
    question: {
      keyStatements: [useStatement({ AWS: LAUNCH_ROLE })],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'implicitly-denied',
    oracle: true,
  },
  {
    name: 'implicitly denied when the key policy names another role of 444455556666',
    question: {
      keyStatements: [useStatement({ AWS: `arn:aws:iam::${CONSUMER_ACCOUNT}:role/Other` })],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'implicitly-denied',
    oracle: true,
  },
  {
    name: 'allowed for an assumed-role session when the key policy names its role ARN',
    question: {
      keyStatements: [useStatement({ AWS: LAUNCH_ROLE })],
      identityStatements: [IDENTITY_ON_KEY],
      principal: `arn:aws:sts::${CONSUMER_ACCOUNT}:assumed-role/LaunchRole/s1`,
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'allowed',
    oracle: true,
  },
  ...['kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKeyWithoutPlaintext'].map((action): Row => ({
    name: `allowed for ${action} through the ReEncrypt*/GenerateDataKey* wildcards`,
    question: {
      keyStatements: [useStatement({ AWS: CONSUMER_ROOT })],
      identityStatements: [IDENTITY_ON_KEY],
      action,
      context: CONSUMER_CONTEXT,
    },
    expected: 'allowed',
    oracle: true,
  })),
  {
    name: 'implicitly denied for kms:CreateGrant when only the "Allow use of the key" statement names the consumer',
    question: {
      keyStatements: [useStatement({ AWS: CONSUMER_ROOT })],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:CreateGrant',
      context: { ...CONSUMER_CONTEXT, 'kms:GrantIsForAWSResource': 'true' },
    },
    expected: 'implicitly-denied',
    oracle: true,
  },
  ...(
    [
      ['true', 'allowed'],
      ['false', 'implicitly-denied'],
      [undefined, 'implicitly-denied'],
    ] as const
  ).map(([value, expected]): Row => ({
    name: `${expected} for kms:CreateGrant under "Allow attachment of persistent resources" when kms:GrantIsForAWSResource is ${value ?? 'absent'}`,
    question: {
      keyStatements: [attachmentStatement({ AWS: CONSUMER_ROOT })],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:CreateGrant',
      context:
        value === undefined ? CONSUMER_CONTEXT : { ...CONSUMER_CONTEXT, 'kms:GrantIsForAWSResource': value },
    },
    expected,
    oracle: true,
  })),
  ...(
    [
      [CONSUMER_ACCOUNT, 'allowed'],
      ['999988887777', 'implicitly-denied'],
    ] as const
  ).map(([caller, expected]): Row => ({
    name: `${expected} under Principal {"AWS": "*"} + kms:CallerAccount=444455556666 when the caller account is ${caller}`,
    question: {
      keyStatements: [
        useStatement(
          { AWS: star },
          { Condition: { StringEquals: { 'kms:CallerAccount': CONSUMER_ACCOUNT } } },
        ),
      ],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: { ...CONSUMER_CONTEXT, 'kms:CallerAccount': caller },
    },
    expected,
    oracle: true,
  })),
  {
    name: 'implicitly denied under Principal {"AWS": "*"} + kms:CallerAccount when the request carries no kms:CallerAccount',
    question: {
      keyStatements: [
        useStatement(
          { AWS: star },
          { Condition: { StringEquals: { 'kms:CallerAccount': CONSUMER_ACCOUNT } } },
        ),
      ],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: { 'aws:PrincipalAccount': CONSUMER_ACCOUNT },
    },
    expected: 'implicitly-denied',
    oracle: true,
  },
  ...(
    [
      [{ 'aws:PrincipalOrgID': 'o-abc' }, 'aws:PrincipalOrgID', 'o-abc', 'allowed'],
      [{}, 'aws:PrincipalOrgID', 'o-abc', 'implicitly-denied'],
      [{ 'aws:PrincipalAccount': CONSUMER_ACCOUNT }, 'aws:PrincipalAccount', CONSUMER_ACCOUNT, 'allowed'],
      [{}, 'aws:PrincipalAccount', CONSUMER_ACCOUNT, 'implicitly-denied'],
    ] as const
  ).map(([context, key, value, expected]): Row => ({
    name: `${expected} under Principal "*" + ${key} when the request ${Object.keys(context).length > 0 ? 'carries' : 'lacks'} it`,
    question: {
      keyStatements: [useStatement(star, { Condition: { StringEquals: { [key]: value } } })],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context,
    },
    expected,
    oracle: true,
  })),
  {
    name: 'allowed under Principal "*" without conditions, cross-account, with an identity policy',
    question: {
      keyStatements: [useStatement(star)],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'allowed',
    oracle: true,
  },
  {
    name: 'implicitly denied under Principal "*" without conditions, cross-account, without an identity policy',
    question: { keyStatements: [useStatement(star)], action: 'kms:Decrypt', context: CONSUMER_CONTEXT },
    expected: 'implicitly-denied',
    oracle: true,
  },
  {
    name: 'allowed under Principal "*" without conditions for a same-account role without any identity policy',
    question: {
      keyStatements: [useStatement(star)],
      principal: SAME_ROLE,
      action: 'kms:Decrypt',
      context: SAME_CONTEXT,
    },
    expected: 'allowed',
    oracle: true,
  },
  {
    name: 'explicitly denied when a Deny statement names the role',
    question: {
      keyStatements: [
        useStatement({ AWS: CONSUMER_ROOT }),
        { Effect: 'Deny', Principal: { AWS: LAUNCH_ROLE }, Action: 'kms:*', Resource: '*' },
      ],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'explicitly-denied',
    oracle: true,
  },
  {
    name: 'explicitly denied when a Deny NotPrincipal does not exempt the role',
    question: {
      keyStatements: [
        useStatement({ AWS: CONSUMER_ROOT }),
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: `arn:aws:iam::${KEY_ACCOUNT}:role/Admin` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'explicitly-denied',
    oracle: true,
  },
  {
    name: 'allowed when a Deny NotPrincipal exempts the role and its account',
    question: {
      keyStatements: [
        useStatement({ AWS: CONSUMER_ROOT }),
        {
          Effect: 'Deny',
          NotPrincipal: { AWS: [LAUNCH_ROLE, CONSUMER_ROOT] },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'allowed',
    oracle: true,
  },
  {
    name: 'implicitly denied for kms:Decrypt under an Allow with NotAction kms:Decrypt',
    question: {
      keyStatements: [
        { Effect: 'Allow', Principal: { AWS: CONSUMER_ROOT }, NotAction: 'kms:Decrypt', Resource: '*' },
      ],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'implicitly-denied',
    oracle: true,
  },
  ...(
    [
      ['ec2.us-east-1.amazonaws.com', 'allowed'],
      [undefined, 'implicitly-denied'],
    ] as const
  ).map(([via, expected]): Row => ({
    name: `${expected} under a kms:ViaService=ec2.us-east-1 condition when the request comes ${via ? 'via EC2' : 'directly'}`,
    question: {
      keyStatements: [
        useStatement(
          { AWS: CONSUMER_ROOT },
          { Condition: { StringEquals: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' } } },
        ),
      ],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: via ? { ...CONSUMER_CONTEXT, 'kms:ViaService': via } : CONSUMER_CONTEXT,
    },
    expected,
    oracle: true,
  })),
  {
    name: 'allowed under ForAnyValue:StringEquals kms:EncryptionContextKeys=aws:ebs:id for an EBS request',
    question: {
      keyStatements: [
        useStatement(
          { AWS: CONSUMER_ROOT },
          { Condition: { 'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': 'aws:ebs:id' } } },
        ),
      ],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: { ...CONSUMER_CONTEXT, ...EBS_CONTEXT },
    },
    expected: 'allowed',
    oracle: true,
  },
  {
    name: 'implicitly denied in the key account when the key policy lacks the root statement, despite an IAM allow',
    question: {
      keyStatements: [useStatement({ AWS: `arn:aws:iam::${KEY_ACCOUNT}:role/Admin` })],
      identityStatements: [IDENTITY_ON_KEY],
      principal: SAME_ROLE,
      action: 'kms:Decrypt',
      context: SAME_CONTEXT,
    },
    expected: 'implicitly-denied',
    oracle: true,
  },
  {
    name: 'allowed in the key account with the root statement and an IAM allow',
    question: {
      keyStatements: [ROOT_STATEMENT],
      identityStatements: [IDENTITY_ON_KEY],
      principal: SAME_ROLE,
      action: 'kms:Decrypt',
      context: SAME_CONTEXT,
    },
    expected: 'allowed',
    oracle: true,
  },
  {
    name: 'implicitly denied in the key account with the root statement but no IAM allow',
    question: {
      keyStatements: [ROOT_STATEMENT],
      principal: SAME_ROLE,
      action: 'kms:Decrypt',
      context: SAME_CONTEXT,
    },
    expected: 'implicitly-denied',
    oracle: true,
  },
  {
    name: 'allowed in the key account when the key policy names the role, without any IAM policy',
    question: {
      keyStatements: [useStatement({ AWS: SAME_ROLE })],
      principal: SAME_ROLE,
      action: 'kms:Decrypt',
      context: SAME_CONTEXT,
    },
    expected: 'allowed',
    oracle: true,
  },
  ...(
    [
      ['with the root statement and ViaService=ec2', [ROOT_STATEMENT], EBS_CONTEXT, 'allowed'],
      [
        'without kms:ViaService',
        [ROOT_STATEMENT],
        { 'kms:EncryptionContextKeys': ['aws:ebs:id'] },
        'implicitly-denied',
      ],
      [
        'when the key policy lacks the root statement',
        [useStatement({ AWS: SAME_ROLE })],
        EBS_CONTEXT,
        'implicitly-denied',
      ],
    ] as const
  ).map(([when, keyStatements, context, expected]): Row => ({
    name: `${expected} for the Image Builder service-linked role (path ARN, managed policy) ${when}`,
    question: {
      keyStatements,
      identityStatements: SLR_STATEMENTS,
      principal: SLR_SESSION,
      action: 'kms:ReEncryptFrom',
      context: {
        'aws:PrincipalAccount': KEY_ACCOUNT,
        'kms:CallerAccount': KEY_ACCOUNT,
        'aws:PrincipalArn': SLR,
        ...context,
      },
    },
    expected,
    oracle: true,
  })),
  {
    name: 'implicitly denied for the destination role holding only Ec2ImageBuilderCrossAccountDistributionAccess (no KMS in it)',
    question: {
      keyStatements: [ROOT_STATEMENT, useStatement({ AWS: CONSUMER_ROOT })],
      identityStatements: [
        { Effect: 'Allow', Action: 'ec2:CreateTags', Resource: 'arn:aws:ec2:*::image/*' },
        {
          Effect: 'Allow',
          Action: ['ec2:DescribeImages', 'ec2:CopyImage', 'ec2:ModifyImageAttribute'],
          Resource: '*',
        },
      ],
      principal: `arn:aws:iam::${CONSUMER_ACCOUNT}:role/EC2ImageBuilderDistributionCrossAccountRole`,
      action: 'kms:ReEncryptFrom',
      context: CONSUMER_CONTEXT,
    },
    expected: 'implicitly-denied',
    oracle: true,
  },
  {
    name: 'implicitly denied when the identity policy names the key by alias ARN only',
    question: {
      keyStatements: [useStatement({ AWS: CONSUMER_ROOT })],
      identityStatements: [
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: `arn:aws:kms:us-east-1:${KEY_ACCOUNT}:alias/ami-key`,
        },
      ],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    },
    expected: 'implicitly-denied',
    oracle: false, // iam-simulate rejects the question (no.resource.types) instead of answering
  },
  {
    name: 'allowed regardless of extra context keys the policy never mentions',
    question: {
      keyStatements: [useStatement({ AWS: CONSUMER_ROOT })],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: { ...CONSUMER_CONTEXT, 's3:prefix': 'x', 'kms:GrantIsForAWSResource': 'true' },
    },
    expected: 'allowed',
    oracle: true,
  },
];

describe('KMS semantics: every row of the facts file §5.4 matrix', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    // Prepare: the row's question. Act
    const engine = engineEvaluate(row.question).decision;
    // Assess
    expect({ engine }).toEqual({ engine: row.expected });
    if (row.oracle) {
      const oracle = await oracleDecision({
        keyArn: KEY_ARN,
        keyAccountId: KEY_ACCOUNT,
        principalArn: row.question.principal ?? LAUNCH_ROLE,
        action: row.question.action,
        keyPolicy: keyPolicyJson(row.question.keyStatements),
        identityPolicies: row.question.identityStatements
          ? [keyPolicyJson(row.question.identityStatements)]
          : [],
        context: row.question.context ?? {},
      });
      expect({ oracle }).toEqual({ oracle: row.expected });
    }
  });
});

describe('KMS semantics: what the engine cannot know stays conditional', () => {
  it.each([
    ['kms:CallerAccount', { StringEquals: { 'kms:CallerAccount': CONSUMER_ACCOUNT } }],
    ['aws:PrincipalOrgID', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } }],
    ['aws:SourceVpce', { StringEquals: { 'aws:SourceVpce': 'vpce-1' } }],
    // The §5.4 Discovery-mode row: allowed only under Bool kms:GrantIsForAWSResource=true.
    ['kms:GrantIsForAWSResource', { Bool: { 'kms:GrantIsForAWSResource': 'true' } }],
  ] as const)('conditional naming %s when the request context does not settle it', (key, condition) => {
    // Prepare
    const question: KmsQuestion = {
      keyStatements: [useStatement({ AWS: star }, { Condition: condition })],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: {},
      closedWorld: false,
    };
    // Act
    const result = engineEvaluate(question);
    // Assess
    expect(result.decision).toBe('conditional');
    expect(result.conditionalKeys).toEqual([key]);
  });

  it('implicitly denied, not conditional, when an undecidable Allow would need an identity policy that is absent', () => {
    const result = engineEvaluate({
      keyStatements: [
        useStatement({ AWS: star }, { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }),
      ],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
      closedWorld: false,
    });
    expect(result.decision).toBe('implicitly-denied');
  });

  it('conditional when a Deny applies only under an unknown condition and an Allow applies', () => {
    const result = engineEvaluate({
      keyStatements: [
        useStatement({ AWS: CONSUMER_ROOT }),
        {
          Sid: 'DenyOutsideVpce',
          Effect: 'Deny',
          Principal: '*',
          Action: 'kms:*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } },
        },
      ],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
      closedWorld: false,
    });
    expect(result.decision).toBe('conditional');
    expect(result.conditionalKeys).toEqual(['aws:SourceVpce']);
  });

  it('implicitly denied for kms:PutKeyPolicy across accounts even when the key policy allows kms:*', () => {
    const result = engineEvaluate({
      keyStatements: [{ Effect: 'Allow', Principal: { AWS: CONSUMER_ROOT }, Action: 'kms:*', Resource: '*' }],
      identityStatements: [{ Effect: 'Allow', Action: 'kms:*', Resource: KEY_ARN }],
      action: 'kms:PutKeyPolicy',
      context: CONSUMER_CONTEXT,
    });
    expect(result.decision).toBe('implicitly-denied');
  });

  it('treats action names case-insensitively', () => {
    const result = engineEvaluate({
      keyStatements: [
        { Effect: 'Allow', Principal: { AWS: CONSUMER_ROOT }, Action: 'KMS:decrypt', Resource: '*' },
      ],
      identityStatements: [{ Effect: 'Allow', Action: 'kms:DECRYPT', Resource: KEY_ARN }],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    });
    expect(result.decision).toBe('allowed');
  });

  it('grants nothing to a principal stored as a unique id (AROA…)', () => {
    const result = engineEvaluate({
      keyStatements: [useStatement({ AWS: 'AROAEXAMPLEID1234567' })],
      identityStatements: [IDENTITY_ON_KEY],
      action: 'kms:Decrypt',
      context: CONSUMER_CONTEXT,
    });
    expect(result.decision).toBe('implicitly-denied');
  });
});

import fc from 'fast-check';
import type { JsonObject } from '../../../../rules/core/finding';
import { CONSUMER_ACCOUNT, KEY_ACCOUNT, KEY_ARN, LAUNCH_ROLE } from './kmsQuestion';
import type { KmsQuestion } from './kmsQuestion';

export const SAME_ACCOUNT_ROLE = `arn:aws:iam::${KEY_ACCOUNT}:role/KeyUser`;
const LAUNCH_SESSION = `arn:aws:sts::${CONSUMER_ACCOUNT}:assumed-role/LaunchRole/session-1`;

const principals: readonly (string | JsonObject)[] = [
  '*',
  { AWS: '*' },
  { AWS: `arn:aws:iam::${CONSUMER_ACCOUNT}:root` },
  { AWS: CONSUMER_ACCOUNT },
  { AWS: `arn:aws:iam::${KEY_ACCOUNT}:root` },
  { AWS: LAUNCH_ROLE },
  { AWS: SAME_ACCOUNT_ROLE },
  { AWS: `arn:aws:iam::${CONSUMER_ACCOUNT}:role/Other` },
  { AWS: [LAUNCH_ROLE, `arn:aws:iam::${CONSUMER_ACCOUNT}:root`] },
  { AWS: 'AROAEXAMPLEID1234567' },
  { Service: 'ec2.amazonaws.com' },
];

const actionPatterns = [
  'kms:*',
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:CreateGrant',
  'kms:Describe*',
  'kms:decrypt',
  'KMS:CreateGrant',
  'kms:Re*',
  'kms:PutKeyPolicy',
  '*',
];

const resources = [
  '*',
  KEY_ARN,
  `arn:aws:kms:us-east-1:${KEY_ACCOUNT}:key/other`,
  `arn:aws:kms:*:${KEY_ACCOUNT}:key/*`,
];

const conditions: readonly JsonObject[] = [
  { StringEquals: { 'kms:CallerAccount': CONSUMER_ACCOUNT } },
  { StringEquals: { 'kms:CallerAccount': KEY_ACCOUNT } },
  { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
  { StringEqualsIgnoreCase: { 'aws:PrincipalOrgID': 'O-ABC' } },
  { StringLike: { 'kms:ViaService': 'ec2.*.amazonaws.com' } },
  { StringEqualsIfExists: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' } },
  { Null: { 'kms:ViaService': 'true' } },
  { Null: { 'kms:ViaService': 'false' } },
  { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
  { StringNotEquals: { 'aws:PrincipalAccount': CONSUMER_ACCOUNT } },
  { 'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': 'aws:ebs:id' } },
  { 'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['aws:ebs:id'] } },
  { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-abc/r-root/ou-1/*' } },
  { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Launch*' } },
  { ArnNotEquals: { 'aws:PrincipalArn': LAUNCH_ROLE } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { NotIpAddress: { 'aws:SourceIp': ['192.168.0.0/16', '10.1.0.0/16'] } },
  { DateGreaterThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } },
];

const conditionArb = fc
  .subarray([...conditions], { maxLength: 2 })
  .map((list) => list.reduce<JsonObject>((acc, c) => ({ ...acc, ...c }), {}));

const actionElement = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.subarray(actionPatterns, { minLength: 1, maxLength: 3 }).map((a) => ({ Action: a })),
  },
  {
    weight: 1,
    arbitrary: fc.subarray(actionPatterns, { minLength: 1, maxLength: 2 }).map((a) => ({ NotAction: a })),
  },
);

export const keyStatementArb: fc.Arbitrary<JsonObject> = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
    principal: fc.constantFrom(...principals),
    notPrincipal: fc.boolean(),
    action: actionElement,
    resource: fc.constantFrom(...resources),
    condition: fc.oneof(fc.constant({}), conditionArb),
  })
  .map((s) => ({
    Effect: s.effect,
    ...(s.notPrincipal && s.effect === 'Deny' && s.principal !== '*'
      ? { NotPrincipal: s.principal }
      : { Principal: s.principal }),
    ...s.action,
    Resource: s.resource,
    ...(Object.keys(s.condition).length > 0 ? { Condition: s.condition } : {}),
  }));

export const identityStatementArb: fc.Arbitrary<JsonObject> = fc
  .record({
    effect: fc.constantFrom('Allow', 'Allow', 'Allow', 'Deny'),
    action: actionElement,
    resource: fc.constantFrom(...resources),
    condition: fc.oneof(fc.constant({}), conditionArb),
  })
  .map((s) => ({
    Effect: s.effect,
    ...s.action,
    Resource: s.resource,
    ...(Object.keys(s.condition).length > 0 ? { Condition: s.condition } : {}),
  }));

const askedActions = [
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:ReEncryptFrom',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:CreateGrant',
  'kms:DescribeKey',
  'kms:PutKeyPolicy',
];

/** Random KMS questions over the subset the engine models, with a closed (fully supplied) context. */
export const kmsQuestionArb: fc.Arbitrary<KmsQuestion> = fc
  .record({
    keyStatements: fc.array(keyStatementArb, { minLength: 1, maxLength: 4 }),
    identityStatements: fc.array(identityStatementArb, { maxLength: 3 }),
    principal: fc.constantFrom(LAUNCH_ROLE, LAUNCH_SESSION, SAME_ACCOUNT_ROLE),
    action: fc.constantFrom(...askedActions),
    via: fc.constantFrom(undefined, 'ec2.us-east-1.amazonaws.com', 's3.us-east-1.amazonaws.com'),
    grantForResource: fc.constantFrom(undefined, 'true', 'false'),
    ebs: fc.boolean(),
    org: fc.constantFrom(undefined, 'o-abc', 'o-other'),
    orgPaths: fc.constantFrom(undefined, ['o-abc/r-root/ou-1/'], ['o-abc/r-root/ou-2/']),
    sourceIp: fc.constantFrom(undefined, '10.1.2.3', '192.168.1.1'),
  })
  .map((g) => {
    const account = g.principal.split(':')[4] as string;
    const principalArn = g.principal === LAUNCH_SESSION ? LAUNCH_ROLE : g.principal;
    const isGrant = g.action === 'kms:CreateGrant';
    const isCrypto = /Decrypt|Encrypt|ReEncrypt|GenerateDataKey/.test(g.action);
    const context: Record<string, string | string[]> = {
      'aws:PrincipalAccount': account,
      'kms:CallerAccount': account,
      'aws:PrincipalArn': principalArn,
      'aws:CurrentTime': '2026-11-23T18:00:00Z',
    };
    if (g.via) context['kms:ViaService'] = g.via;
    if (isGrant && g.grantForResource) context['kms:GrantIsForAWSResource'] = g.grantForResource;
    if (isCrypto && g.ebs) context['kms:EncryptionContextKeys'] = ['aws:ebs:id'];
    if (g.org) context['aws:PrincipalOrgID'] = g.org;
    if (g.orgPaths) context['aws:PrincipalOrgPaths'] = [...g.orgPaths];
    if (g.sourceIp) context['aws:SourceIp'] = g.sourceIp;
    return {
      keyStatements: g.keyStatements,
      identityStatements: g.identityStatements,
      principal: g.principal,
      action: g.action,
      context,
      closedWorld: true,
    };
  });

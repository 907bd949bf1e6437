import { describe, expect, it } from 'vitest';
import type { ContextInput } from '../../../rules/policy';
import {
  evaluatePolicy,
  parsePolicyDocument,
  parsePrincipalRef,
  requestContext,
} from '../../../rules/policy';

const principal = parsePrincipalRef('arn:aws:iam::444455556666:role/R');

function decideOne(operator: string, key: string, policyValue: unknown, context: ContextInput) {
  const policy = parsePolicyDocument(
    {
      Statement: [
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { [operator]: { [key]: policyValue } },
        },
      ],
    },
    'identity',
  );
  return evaluatePolicy(policy, {
    principal,
    action: 'kms:Decrypt',
    resource: '*',
    context: requestContext(context, { closedWorld: true }),
  }).allowPrincipal;
}

describe('Condition operators', () => {
  it.each([
    ['StringEquals', 'aws:X', 'a', { 'aws:X': 'a' }, 'yes'],
    ['StringEquals', 'aws:X', 'a', { 'aws:X': 'A' }, 'no'],
    ['StringEquals', 'aws:X', 'a', {}, 'no'],
    ['StringNotEquals', 'aws:X', 'a', {}, 'yes'],
    ['StringNotEquals', 'aws:X', ['a', 'b'], { 'aws:X': 'b' }, 'no'],
    ['StringEqualsIgnoreCase', 'aws:X', 'ABC', { 'aws:X': 'abc' }, 'yes'],
    ['StringLike', 'aws:X', 'ec2.*.amazonaws.com', { 'aws:X': 'ec2.eu-west-1.amazonaws.com' }, 'yes'],
    ['StringLike', 'aws:X', 'a?c', { 'aws:X': 'abbc' }, 'no'],
    ['StringNotLike', 'aws:X', 'a*', { 'aws:X': 'b' }, 'yes'],
    ['StringEqualsIfExists', 'aws:X', 'a', {}, 'yes'],
    ['StringEqualsIfExists', 'aws:X', 'a', { 'aws:X': 'b' }, 'no'],
    ['AWS:X key case', 'AWS:x', 'a', { 'aws:X': 'a' }, 'yes'],
    [
      'ArnLike',
      'aws:PrincipalArn',
      'arn:aws:iam::*:role/Launch*',
      { 'aws:PrincipalArn': 'arn:aws:iam::1:role/LaunchRole' },
      'yes',
    ],
    [
      'ArnEquals',
      'aws:PrincipalArn',
      'arn:aws:iam::1:role/A',
      { 'aws:PrincipalArn': 'arn:aws:iam::1:role/B' },
      'no',
    ],
    [
      'ArnNotLike',
      'aws:PrincipalArn',
      'arn:aws:iam::1:*',
      { 'aws:PrincipalArn': 'arn:aws:iam::2:role/B' },
      'yes',
    ],
    ['Bool', 'kms:GrantIsForAWSResource', true, { 'kms:GrantIsForAWSResource': 'true' }, 'yes'],
    ['Bool', 'kms:GrantIsForAWSResource', 'true', { 'kms:GrantIsForAWSResource': 'false' }, 'no'],
    ['Null', 'kms:ViaService', 'true', {}, 'yes'],
    ['Null', 'kms:ViaService', 'false', {}, 'no'],
    ['Null', 'kms:ViaService', 'false', { 'kms:ViaService': 'x' }, 'yes'],
    ['NumericLessThan', 'aws:N', 10, { 'aws:N': '9' }, 'yes'],
    ['NumericGreaterThanEquals', 'aws:N', '10', { 'aws:N': '9.5' }, 'no'],
    ['NumericEquals', 'aws:N', '1', { 'aws:N': 'one' }, 'no'],
    ['NumericNotEquals', 'aws:N', '1', { 'aws:N': '2' }, 'yes'],
    [
      'DateGreaterThan',
      'aws:CurrentTime',
      '2025-01-01T00:00:00Z',
      { 'aws:CurrentTime': '2026-11-23T18:00:00Z' },
      'yes',
    ],
    ['DateLessThan', 'aws:CurrentTime', '1700000000', { 'aws:CurrentTime': '2026-11-23T18:00:00Z' }, 'no'],
    ['IpAddress', 'aws:SourceIp', '10.0.0.0/8', { 'aws:SourceIp': '10.1.2.3' }, 'yes'],
    ['IpAddress', 'aws:SourceIp', '2001:db8::/32', { 'aws:SourceIp': '2001:db8::1' }, 'yes'],
    ['NotIpAddress', 'aws:SourceIp', '10.0.0.0/8', { 'aws:SourceIp': '11.0.0.1' }, 'yes'],
    [
      'ForAnyValue:StringEquals',
      'kms:EncryptionContextKeys',
      'aws:ebs:id',
      { 'kms:EncryptionContextKeys': ['x', 'aws:ebs:id'] },
      'yes',
    ],
    ['ForAnyValue:StringEquals', 'kms:EncryptionContextKeys', 'aws:ebs:id', {}, 'no'],
    [
      'ForAllValues:StringEquals',
      'kms:EncryptionContextKeys',
      'aws:ebs:id',
      { 'kms:EncryptionContextKeys': ['x', 'aws:ebs:id'] },
      'no',
    ],
    ['ForAllValues:StringEquals', 'kms:EncryptionContextKeys', 'aws:ebs:id', {}, 'yes'],
    [
      'ForAllValues:StringLike',
      'aws:PrincipalOrgPaths',
      'o-a/r-1/ou-1/*',
      { 'aws:PrincipalOrgPaths': ['o-a/r-1/ou-1/ou-2/'] },
      'yes',
    ],
    [
      'StringEquals with a policy variable',
      'aws:PrincipalAccount',
      '${kms:CallerAccount}',
      { 'aws:PrincipalAccount': '1', 'kms:CallerAccount': '1' },
      'yes',
    ],
  ] as const)('%s %s %j with %j → %s', (operator, key, policyValue, context, expected) => {
    const op =
      operator === 'AWS:X key case'
        ? 'StringEquals'
        : operator === 'StringEquals with a policy variable'
          ? 'StringEquals'
          : operator;
    expect(decideOne(op, key, policyValue, context)).toBe(expected);
  });

  it('is unknown, naming the key, when an open-world context lacks it', () => {
    const policy = parsePolicyDocument(
      {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'kms:Decrypt',
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } },
          },
        ],
      },
      'identity',
    );
    const result = evaluatePolicy(policy, {
      principal,
      action: 'kms:Decrypt',
      resource: '*',
      context: requestContext({}),
    });
    expect(result.allowPrincipal).toBe('unknown');
    expect(result.hits[0]?.unknownKeys).toEqual(['aws:SourceVpc']);
  });
});

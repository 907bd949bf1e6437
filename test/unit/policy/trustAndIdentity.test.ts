import { describe, expect, it } from 'vitest';
import {
  evaluateIdentityPolicies,
  evaluateTrustPolicy,
  findUniqueIdPrincipals,
  IMAGE_BUILDER_SLR_POLICY,
  imageBuilderTargetRoleArn,
  parsePolicyDocument,
  requestContext,
} from '../../../rules/policy';

const SOURCE = '111122223333';
const DEST = '444455556666';
const SLR_SESSION = `arn:aws:sts::${SOURCE}:assumed-role/AWSServiceRoleForImageBuilder/Ec2ImageBuilderIntegrationService`;
/** Seed 004's trust policy for EC2ImageBuilderDistributionCrossAccountRole. */
const seedTrust = (account: string) =>
  parsePolicyDocument(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com', AWS: `arn:aws:iam::${account}:root` },
          Action: 'sts:AssumeRole',
        },
      ],
    },
    'trust',
  );

describe('evaluateTrustPolicy (D9)', () => {
  it.each([
    ['the source account id', SOURCE, SOURCE, 'allowed', 'account'],
    ["the source account's Image Builder session", SOURCE, SLR_SESSION, 'allowed', 'account'],
    ['the ec2 service principal', SOURCE, 'ec2.amazonaws.com', 'allowed', 'principal'],
    ['another account', '999988887777', SOURCE, 'implicitly-denied', 'none'],
    ['a session of another account', '999988887777', SLR_SESSION, 'implicitly-denied', 'none'],
  ] as const)('trust naming %s → %s', (_name, trusted, asker, decision, via) => {
    const result = evaluateTrustPolicy(seedTrust(trusted), asker);
    expect(result.decision).toBe(decision);
    expect(result.via).toBe(via);
  });

  it('conditional when the trust policy requires an external id the question does not carry', () => {
    const trust = parsePolicyDocument(
      {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: SOURCE },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': 'x' } },
          },
        ],
      },
      'trust',
    );
    expect(evaluateTrustPolicy(trust, SOURCE)).toMatchObject({
      decision: 'conditional',
      conditionalKeys: ['sts:ExternalId'],
    });
    expect(evaluateTrustPolicy(trust, SOURCE, { context: { 'sts:ExternalId': 'x' } }).decision).toBe(
      'allowed',
    );
  });

  it('explicitly denied when a Deny names the account', () => {
    const trust = parsePolicyDocument(
      {
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
          { Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${SOURCE}:root` }, Action: 'sts:*' },
        ],
      },
      'trust',
    );
    expect(evaluateTrustPolicy(trust, SLR_SESSION).decision).toBe('explicitly-denied');
  });
});

describe('evaluateIdentityPolicies (L3, D11, D9 identity side)', () => {
  const slr = parsePolicyDocument(IMAGE_BUILDER_SLR_POLICY, 'identity');

  it("allows the Image Builder SLR's sts:AssumeRole into any account's distribution role", () => {
    expect(evaluateIdentityPolicies([slr], 'sts:AssumeRole', imageBuilderTargetRoleArn(DEST)).decision).toBe(
      'allowed',
    );
    expect(
      evaluateIdentityPolicies([slr], 'sts:AssumeRole', `arn:aws:iam::${DEST}:role/Other`).decision,
    ).toBe('implicitly-denied');
  });

  it('answers ec2:RunInstances for a launch role, with wildcards and NotAction', () => {
    const launch = parsePolicyDocument(
      { Statement: [{ Effect: 'Allow', Action: 'ec2:Run*', Resource: '*' }] },
      'identity',
    );
    const notAction = parsePolicyDocument(
      { Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'ec2:RunInstances'], Resource: '*' }] },
      'identity',
    );
    const resource = `arn:aws:ec2:us-east-1:${DEST}:instance/*`;
    expect(evaluateIdentityPolicies([launch], 'ec2:RunInstances', resource).decision).toBe('allowed');
    expect(evaluateIdentityPolicies([notAction], 'ec2:RunInstances', resource).decision).toBe(
      'implicitly-denied',
    );
    expect(evaluateIdentityPolicies([], 'ec2:RunInstances', resource).decision).toBe('implicitly-denied');
  });

  it('lets a Deny in one policy win over an Allow in another', () => {
    const allow = parsePolicyDocument(
      { Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] },
      'identity',
    );
    const deny = parsePolicyDocument(
      { Statement: [{ Sid: 'NoDecrypt', Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }] },
      'identity',
    );
    const result = evaluateIdentityPolicies([allow, deny], 'kms:Decrypt', 'arn:aws:kms:us-east-1:1:key/k');
    expect(result.decision).toBe('explicitly-denied');
    expect(result.statements).toEqual([expect.objectContaining({ sid: 'NoDecrypt', policyIndex: 1 })]);
  });

  it('needs kms:ViaService for the SLR managed policy: conditional when unknown, denied when absent', () => {
    const key = 'arn:aws:kms:us-east-1:111122223333:key/k';
    expect(evaluateIdentityPolicies([slr], 'kms:DescribeKey', key).decision).toBe('conditional');
    expect(
      evaluateIdentityPolicies([slr], 'kms:DescribeKey', key, requestContext({}, { closedWorld: true }))
        .decision,
    ).toBe('implicitly-denied');
    expect(
      evaluateIdentityPolicies(
        [slr],
        'kms:DescribeKey',
        key,
        requestContext({ 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' }),
      ).decision,
    ).toBe('allowed');
  });
});

describe('findUniqueIdPrincipals (G3)', () => {
  it('lists AROA/AIDA ids from Principal and NotPrincipal, sorted and once', () => {
    const policy = parsePolicyDocument(
      {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: ['AROAEXAMPLEID1234567', 'arn:aws:iam::1:root'] },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Effect: 'Deny',
            NotPrincipal: { AWS: ['AIDAEXAMPLEID7654321', 'AROAEXAMPLEID1234567'] },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      },
      'key',
    );
    expect(findUniqueIdPrincipals(policy)).toEqual(['AIDAEXAMPLEID7654321', 'AROAEXAMPLEID1234567']);
  });
});

import type { JsonObject } from '../../../../rules/core/finding';
import type { Decision, KmsActionEvaluation } from '../../../../rules/policy';
import {
  evaluateKmsRequest,
  parsePolicyDocument,
  parsePrincipalRef,
  requestContext,
} from '../../../../rules/policy';

export const KEY_ACCOUNT = '111122223333';
export const CONSUMER_ACCOUNT = '444455556666';
export const KEY_ARN = `arn:aws:kms:us-east-1:${KEY_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const LAUNCH_ROLE = `arn:aws:iam::${CONSUMER_ACCOUNT}:role/LaunchRole`;

/** A question in the facts file's §5.4 vocabulary: raw JSON policies, a principal, an action, a closed context. */
export interface KmsQuestion {
  readonly keyStatements: readonly JsonObject[];
  readonly identityStatements?: readonly JsonObject[];
  readonly principal?: string;
  readonly action: string;
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
  /** false leaves keys not in `context` unknown (the engine may then answer `conditional`). */
  readonly closedWorld?: boolean;
}

export function keyPolicyJson(statements: readonly JsonObject[]): JsonObject {
  return { Version: '2012-10-17', Statement: [...statements] };
}

/** Evaluates with the engine; identity policies are the principal's (none = none attached). */
export function engineEvaluate(q: KmsQuestion): KmsActionEvaluation {
  const identity =
    q.identityStatements && q.identityStatements.length > 0 ? [keyPolicyJson(q.identityStatements)] : [];
  return evaluateKmsRequest({
    keyArn: KEY_ARN,
    keyAccountId: KEY_ACCOUNT,
    keyPolicy: parsePolicyDocument(keyPolicyJson(q.keyStatements), 'key'),
    principal: parsePrincipalRef(q.principal ?? LAUNCH_ROLE),
    action: q.action,
    context: requestContext(q.context ?? {}, { closedWorld: q.closedWorld ?? true }),
    identityPolicies: identity.map((p) => parsePolicyDocument(p, 'identity')),
  });
}

export function engineDecision(q: KmsQuestion): Decision {
  return engineEvaluate(q).decision;
}

export const ROOT_STATEMENT: JsonObject = {
  Sid: 'Enable IAM User Permissions',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${KEY_ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*',
};

export function useStatement(principal: JsonObject | string, extra: JsonObject = {}): JsonObject {
  return {
    Sid: 'Allow use of the key',
    Effect: 'Allow',
    Principal: principal,
    Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
    Resource: '*',
    ...extra,
  };
}

export function attachmentStatement(principal: JsonObject | string): JsonObject {
  return {
    Sid: 'Allow attachment of persistent resources',
    Effect: 'Allow',
    Principal: principal,
    Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
    Resource: '*',
    Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
  };
}

export const IDENTITY_ON_KEY: JsonObject = {
  Effect: 'Allow',
  Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant'],
  Resource: KEY_ARN,
};

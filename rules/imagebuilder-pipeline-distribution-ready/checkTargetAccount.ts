import type { JsonObject } from '../core/finding';
import { keyPolicyOf } from '../imagebuilder-distribution-key-shareable/keyProblems';
import type { Problem, ProblemSubject } from '../imagebuilder-distribution-key-shareable/problem';
import { actionList, FACT_UNREADABLE, shortKey } from '../imagebuilder-distribution-key-shareable/problem';
import { findAccount, findRole } from '../inventory/lookup';
import type { Inventory, Key, Role } from '../inventory/model';
import { checkKeyAccess } from '../policy/checkKeyAccess';
import { evaluateTrustPolicy } from '../policy/evaluateTrustPolicy';
import { parsePolicyDocument } from '../policy/parsePolicyDocument';
import type { PolicyDocument } from '../policy/policyTypes';
import { imageBuilderServiceRoleArn, imageBuilderTargetRoleArn } from '../policy/purposes';

export const CROSS_ACCOUNT_ROLE_NAME = 'EC2ImageBuilderDistributionCrossAccountRole';
export const CROSS_ACCOUNT_MANAGED_POLICY = 'Ec2ImageBuilderCrossAccountDistributionAccess';
const IAM_ROLE = 'AWS::IAM::Role';
const ENABLED_STATUSES = new Set(['ENABLED', 'ENABLED_BY_DEFAULT']);
const KMS_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:DescribeKey',
  'kms:CreateGrant',
  'kms:ListGrants',
  'kms:RevokeGrant',
];

export function managedPolicyArn(partition: string): string {
  return `arn:${partition}:iam::aws:policy/${CROSS_ACCOUNT_MANAGED_POLICY}`;
}

/** The role's trust policy as the Image Builder guide sets it up: the source account may assume it. */
export function crossAccountTrustPolicy(sourceAccountId: string, partition: string): JsonObject {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:${partition}:iam::${sourceAccountId}:root` },
        Action: 'sts:AssumeRole',
      },
    ],
  };
}

/** The role's inline KMS policy (facts §3.2), scoped to the keys the distribution uses. */
export function crossAccountKmsPolicy(keyArns: readonly string[]): JsonObject {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowImageBuilderDistributionKeys',
        Effect: 'Allow',
        Action: [...KMS_ACTIONS],
        Resource: keyArns.length > 0 ? [...keyArns] : '*',
      },
    ],
  };
}

export interface TargetCheckInput {
  readonly sourceAccountId: string;
  readonly targetAccountId: string;
  /** The distribution Region. */
  readonly region: string;
  /** Usable customer managed keys the copy needs (the image's own keys and the distribution key). */
  readonly keys: readonly Key[];
}

function roleSubject(targetAccountId: string, region: string, partition: string): ProblemSubject {
  return {
    resourceType: IAM_ROLE,
    resourceId: imageBuilderTargetRoleArn(targetAccountId, partition),
    accountId: targetAccountId,
    region,
  };
}

function unreadable(message: string, subject: ProblemSubject): Problem {
  return { code: FACT_UNREADABLE, message, scenarios: [], subject };
}

function identityPoliciesOf(role: Role): { policies: PolicyDocument[] } | { why: string } {
  const policies: PolicyDocument[] = [];
  try {
    for (const attached of role.attachedPolicies) {
      if (attached.document.status === 'unknown') {
        return { why: `policy ${attached.policyName} could not be read (${attached.document.reason.code})` };
      }
      policies.push(parsePolicyDocument(attached.document.value, 'identity'));
    }
    for (const inline of role.inlinePolicies) policies.push(parsePolicyDocument(inline.document, 'identity'));
  } catch (error) {
    return {
      why: `a policy could not be parsed (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  return { policies };
}

/**
 * The target account side of a `targetAccountIds` distribution (seed 004): the Region is enabled
 * (D10); the role `EC2ImageBuilderDistributionCrossAccountRole` exists (D7), has the managed
 * policy (D8), trusts the source account (D9) and may use every key of the copy (D11).
 */
export function checkTargetAccount(inventory: Inventory, input: TargetCheckInput): Problem[] {
  const { sourceAccountId, targetAccountId: target, region } = input;
  const partition = inventory.partition;
  const subject = roleSubject(target, region, partition);
  const roleArn = subject.resourceId;
  const account = findAccount(inventory, target);
  if (!account) {
    return [
      unreadable(
        `Target account ${target} was not read (set ExecutionRoleName to read it): its role ${CROSS_ACCOUNT_ROLE_NAME} cannot be verified.`,
        subject,
      ),
    ];
  }
  const problems: Problem[] = [];
  const optIn = account.regionOptIn;
  const accountSubject: ProblemSubject = {
    resourceType: 'AWS::::Account',
    resourceId: target,
    accountId: target,
    region,
  };
  if (optIn.status === 'unknown') {
    problems.push(
      unreadable(
        `Whether ${region} is enabled in target ${target} could not be read (${optIn.reason.code}).`,
        accountSubject,
      ),
    );
  } else {
    const status = optIn.value[region];
    if (status === undefined) {
      problems.push(
        unreadable(`The opt-in status of ${region} in target ${target} was not read.`, accountSubject),
      );
    } else if (!ENABLED_STATUSES.has(status)) {
      problems.push({
        code: 'TARGET_REGION_NOT_ENABLED',
        message: `${region} is ${status} in target account ${target}: Image Builder cannot assume its role there.`,
        scenarios: ['D10'],
        subject: accountSubject,
        consumer: target,
        fix: {
          summary: `Enable the opt-in Region ${region} in account ${target}.`,
          steps: [`aws account enable-region --account-id ${target} --region-name ${region}`],
        },
      });
    }
  }
  const found = findRole(account, CROSS_ACCOUNT_ROLE_NAME);
  if (found.status === 'unknown') {
    problems.push(
      unreadable(`The IAM roles of target ${target} could not be read (${found.reason.code}).`, subject),
    );
    return problems;
  }
  const role = found.value;
  const keyArns = input.keys.map((k) => k.arn);
  if (!role) {
    problems.push({
      code: 'CROSS_ACCOUNT_ROLE_MISSING',
      message: `Target account ${target} has no role ${CROSS_ACCOUNT_ROLE_NAME}: sts:AssumeRole fails.`,
      scenarios: ['D7'],
      subject,
      consumer: roleArn,
      fix: {
        summary: `Create ${CROSS_ACCOUNT_ROLE_NAME} in ${target}, trusted by ${sourceAccountId}, with ${CROSS_ACCOUNT_MANAGED_POLICY} and the KMS inline policy.`,
        roleArn,
        trustPolicy: crossAccountTrustPolicy(sourceAccountId, partition),
        managedPolicyArns: [managedPolicyArn(partition)],
        ...(keyArns.length > 0 ? { identityPolicy: crossAccountKmsPolicy(keyArns) } : {}),
        steps: [
          `In ${target}: aws iam create-role --role-name ${CROSS_ACCOUNT_ROLE_NAME} --assume-role-policy-document file://trust.json`,
          `aws iam attach-role-policy --role-name ${CROSS_ACCOUNT_ROLE_NAME} --policy-arn ${managedPolicyArn(partition)}`,
          ...(keyArns.length > 0
            ? [
                `aws iam put-role-policy --role-name ${CROSS_ACCOUNT_ROLE_NAME} --policy-name ImageBuilderKms --policy-document file://kms.json`,
              ]
            : []),
        ],
      },
    });
    return problems;
  }
  // The AWS managed policy itself (by ARN): a customer policy of the same name proves nothing.
  const hasManaged = role.attachedPolicies.some((p) => p.policyArn === managedPolicyArn(partition));
  if (!hasManaged) {
    problems.push({
      code: 'CROSS_ACCOUNT_ROLE_MISSING_MANAGED_POLICY',
      message: `Role ${CROSS_ACCOUNT_ROLE_NAME} in ${target} lacks ${CROSS_ACCOUNT_MANAGED_POLICY}: the AMI copy fails.`,
      scenarios: ['D8'],
      subject,
      consumer: role.arn,
      fix: {
        summary: `Attach ${CROSS_ACCOUNT_MANAGED_POLICY} to ${role.arn}.`,
        roleArn: role.arn,
        managedPolicyArns: [managedPolicyArn(partition)],
        steps: [
          `aws iam attach-role-policy --role-name ${role.roleName} --policy-arn ${managedPolicyArn(partition)}`,
        ],
      },
    });
  }
  problems.push(...trustProblems(role, sourceAccountId, target, region, partition));
  problems.push(...kmsProblems(inventory, role, input, subject));
  return problems;
}

function trustProblems(
  role: Role,
  sourceAccountId: string,
  target: string,
  region: string,
  partition: string,
): Problem[] {
  const subject = { resourceType: IAM_ROLE, resourceId: role.arn, accountId: target, region };
  let trust: PolicyDocument;
  try {
    trust = parsePolicyDocument(role.trustPolicy, 'trust');
  } catch (error) {
    return [
      unreadable(
        `The trust policy of ${role.roleName} in ${target} could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
        subject,
      ),
    ];
  }
  // Image Builder assumes the role with its service-linked role in the source account.
  const evaluation = evaluateTrustPolicy(trust, imageBuilderServiceRoleArn(sourceAccountId, partition));
  if (evaluation.decision === 'allowed') return [];
  const fix = {
    summary: `Let ${sourceAccountId} assume ${role.arn}: set (or add) this trust policy statement.`,
    roleArn: role.arn,
    trustPolicy: crossAccountTrustPolicy(sourceAccountId, partition),
  };
  if (evaluation.decision === 'conditional') {
    return [
      {
        code: 'TRUST_UNDECIDED',
        message: `Whether ${role.roleName} in ${target} trusts ${sourceAccountId} depends on ${evaluation.conditionalKeys.join(', ') || 'conditions'}.`,
        scenarios: [],
        subject,
        consumer: sourceAccountId,
        fix,
      },
    ];
  }
  return [
    {
      code: 'CROSS_ACCOUNT_ROLE_DOES_NOT_TRUST_SOURCE',
      message: `${role.roleName} in ${target} does not let source account ${sourceAccountId} assume it: sts:AssumeRole fails.`,
      scenarios: ['D9'],
      subject,
      consumer: sourceAccountId,
      missingActions: ['sts:AssumeRole'],
      fix,
    },
  ];
}

function kmsMessage(
  roleName: string,
  target: string,
  keyArns: readonly string[],
  actions: readonly string[],
): string {
  const keys = keyArns.length === 1 ? shortKey(keyArns[0] ?? '') : `${keyArns.length} keys of the copy`;
  return actions.length >= 7
    ? `${roleName} in ${target} has no KMS permission on ${keys} (the managed policy has none).`
    : `${roleName} in ${target} lacks ${actionList(actions)} on ${keys}.`;
}

function kmsProblems(
  inventory: Inventory,
  role: Role,
  input: TargetCheckInput,
  subject: ProblemSubject,
): Problem[] {
  if (input.keys.length === 0) return [];
  const identity = identityPoliciesOf(role);
  if ('why' in identity) {
    return [
      unreadable(
        `The KMS permissions of ${role.roleName} in ${input.targetAccountId} cannot be judged: ${identity.why}.`,
        subject,
      ),
    ];
  }
  const problems: Problem[] = [];
  const missingByKey: { key: Key; missing: string[] }[] = [];
  for (const key of input.keys) {
    const parsed = keyPolicyOf(key);
    if ('problem' in parsed) {
      problems.push(parsed.problem);
      continue;
    }
    const result = checkKeyAccess({
      keyArn: key.arn,
      keyPolicy: parsed.policy,
      consumer: { kind: 'role', roleArn: role.arn, identityPolicies: identity.policies },
      purpose: 'imagebuilder-target',
    });
    // The key-policy side is D12 (reported by the sharing checks); here only the role's own side.
    const missing = result.trace
      .filter((t) => t.decision !== 'allowed' && t.identitySide === 'no')
      .map((t) => t.action);
    if (missing.length > 0) missingByKey.push({ key, missing });
    else if (result.trace.some((t) => t.decision === 'conditional' && t.identitySide === 'unknown')) {
      problems.push({
        code: 'ROLE_KMS_UNDECIDED',
        message: `Whether ${role.roleName} in ${input.targetAccountId} may use ${shortKey(key.arn)} depends on ${result.conditionalKeys.join(', ') || 'conditions'}.`,
        scenarios: [],
        subject,
        consumer: role.arn,
      });
    }
  }
  if (missingByKey.length > 0) {
    const actions = [...new Set(missingByKey.flatMap((m) => m.missing))];
    const keys = missingByKey.map((m) => m.key.arn);
    problems.push({
      code: 'CROSS_ACCOUNT_ROLE_MISSING_KMS_PERMISSIONS',
      message: kmsMessage(role.roleName, input.targetAccountId, keys, actions),
      scenarios: ['D11'],
      subject,
      consumer: role.arn,
      missingActions: actions,
      fix: {
        summary: `Add the KMS inline policy to ${role.arn} (${CROSS_ACCOUNT_MANAGED_POLICY} has no KMS permissions).`,
        roleArn: role.arn,
        identityPolicy: crossAccountKmsPolicy(keys),
      },
    });
  }
  return problems;
}

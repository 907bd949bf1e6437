import type { ScenarioId } from '../core/ruleMetadata';
import { findOrganizationAccount } from '../inventory/lookup';
import type { Inventory, Key } from '../inventory/model';
import { checkKeyAccess } from '../policy/checkKeyAccess';
import { parsePolicyDocument } from '../policy/parsePolicyDocument';
import type { OrganizationInfo } from '../policy/purposeContext';
import type { PolicyDocument } from '../policy/policyTypes';
import { imageBuilderServiceRoleArn } from '../policy/purposes';
import type { Problem, ProblemSubject } from './problem';
import { actionList, FACT_UNREADABLE, shortKey } from './problem';
import type { KeyResolution } from './resolveKmsKey';
import { keyRegion, keyUsable } from './resolveKmsKey';

export const KMS_KEY = 'AWS::KMS::Key';

export function keySubject(key: Key): ProblemSubject {
  const parts = /^arn:[^:]+:kms:([^:]+):(\d{12}):/.exec(key.arn);
  return {
    resourceType: KMS_KEY,
    resourceId: key.arn,
    accountId: parts?.[2] ?? '',
    region: parts?.[1] ?? '',
  };
}

function refSubject(ref: string, accountId: string, region: string): ProblemSubject {
  return { resourceType: KMS_KEY, resourceId: ref, accountId, region };
}

/**
 * The problems of a resolved key reference other than sharing: the AWS managed key (reported with
 * `awsManaged`), a key that does not exist, cannot be read, or cannot be used (G2).
 * Returns the customer managed key when it is usable, for the sharing checks.
 */
export function keyReferenceProblems(
  resolution: KeyResolution,
  where: { readonly what: string; readonly accountId: string; readonly region: string },
  awsManaged: (subject: ProblemSubject) => Problem,
): { problems: Problem[]; key?: Key } {
  switch (resolution.kind) {
    case 'aws-managed':
      return {
        problems: [
          awsManaged(
            resolution.key
              ? keySubject(resolution.key)
              : refSubject(resolution.ref, where.accountId, where.region),
          ),
        ],
      };
    case 'unreadable':
      return {
        problems: [
          {
            code: FACT_UNREADABLE,
            message: `Cannot tell whether ${where.what} ${shortKey(resolution.ref)} is shareable: ${resolution.why}.`,
            scenarios: [],
            subject: refSubject(resolution.ref, where.accountId, where.region),
          },
        ],
      };
    case 'not-found':
      return {
        problems: [
          {
            code: 'KEY_NOT_FOUND',
            message: `${where.what} ${shortKey(resolution.ref)} does not exist in ${resolution.accountId} ${resolution.region}.`,
            scenarios: ['G2'],
            subject: refSubject(resolution.ref, resolution.accountId, resolution.region),
            fix: {
              summary: `Point ${where.what} at an existing, enabled customer managed key in ${resolution.region}.`,
            },
          },
        ],
      };
    case 'customer': {
      const key = resolution.key;
      if (keyUsable(key)) return { problems: [], key };
      return {
        problems: [
          {
            code: 'KEY_NOT_USABLE',
            message: `${where.what} ${shortKey(key.arn)} is ${key.keyState}: no image can be copied or launched with it.`,
            scenarios: ['G2'],
            subject: keySubject(key),
            fix: {
              summary: `Enable ${key.arn} (or cancel its deletion), or use another customer managed key.`,
              keyArn: key.arn,
              steps:
                key.keyState === 'PendingDeletion'
                  ? [
                      `aws kms cancel-key-deletion --key-id ${key.arn}`,
                      `aws kms enable-key --key-id ${key.arn}`,
                    ]
                  : [`aws kms enable-key --key-id ${key.arn}`],
            },
          },
        ],
      };
    }
  }
}

/** The key's policy, parsed; or the problem saying why it cannot be judged. */
export function keyPolicyOf(key: Key): { policy: PolicyDocument } | { problem: Problem } {
  if (key.policy.status === 'unknown') {
    return {
      problem: {
        code: FACT_UNREADABLE,
        message: `The policy of ${shortKey(key.arn)} could not be read (${key.policy.reason.code}): sharing cannot be verified.`,
        scenarios: [],
        subject: keySubject(key),
      },
    };
  }
  try {
    return { policy: parsePolicyDocument(key.policy.value, 'key') };
  } catch (error) {
    return {
      problem: {
        code: FACT_UNREADABLE,
        message:
          `The policy of ${shortKey(key.arn)} could not be parsed: ${error instanceof Error ? error.message : String(error)}`.slice(
            0,
            160,
          ),
        scenarios: [],
        subject: keySubject(key),
      },
    };
  }
}

/** The consumer account's organization id and OU path, when the inventory knows them. */
export function organizationOf(inventory: Inventory, accountId: string): OrganizationInfo | undefined {
  const org = inventory.organization;
  if (!org || org.status !== 'known') return undefined;
  const member = findOrganizationAccount(inventory, accountId);
  return { id: org.value.id, paths: member ? [member.ouPath] : [] };
}

export type SharingPurpose = 'imagebuilder-service' | 'imagebuilder-target';

/**
 * Key-policy side of sharing a key (the policy engine decides): `imagebuilder-service` asks
 * whether Image Builder's service-linked role in `consumerAccountId` may use the key (D6);
 * `imagebuilder-target` whether `consumerAccountId` is granted the key (D12).
 */
export function keySharingProblems(
  inventory: Inventory,
  key: Key,
  consumerAccountId: string,
  purpose: SharingPurpose,
  what: string,
): Problem[] {
  const parsed = keyPolicyOf(key);
  if ('problem' in parsed) return [parsed.problem];
  const organization = organizationOf(inventory, consumerAccountId);
  const result = checkKeyAccess({
    keyArn: key.arn,
    keyPolicy: parsed.policy,
    consumer: { kind: 'account', accountId: consumerAccountId },
    purpose,
    ...(organization ? { organization } : {}),
  });
  if (result.decision === 'allowed') return [];
  const scenarios: ScenarioId[] = purpose === 'imagebuilder-service' ? ['D6'] : ['D12'];
  const consumer =
    purpose === 'imagebuilder-service'
      ? imageBuilderServiceRoleArn(consumerAccountId, inventory.partition)
      : consumerAccountId;
  if (result.decision === 'conditional') {
    return [
      {
        code: 'KEY_ACCESS_UNDECIDED',
        message:
          `Whether ${shortKey(key.arn)} (${what}) lets ${purpose === 'imagebuilder-service' ? 'the Image Builder role' : consumerAccountId} use it depends on ${result.conditionalKeys.join(', ') || 'conditions'}.`.slice(
            0,
            160,
          ),
        scenarios: [],
        subject: keySubject(key),
        consumer,
        fix: { summary: result.explanation, keyArn: key.arn },
      },
    ];
  }
  const denied = result.explicitDenies.length > 0;
  const who =
    purpose === 'imagebuilder-service' ? 'AWSServiceRoleForImageBuilder' : `account ${consumerAccountId}`;
  const message = denied
    ? `An explicit Deny in the policy of ${shortKey(key.arn)} (${what}) blocks ${who}: ${actionList(result.missing)}.`
    : purpose === 'imagebuilder-service'
      ? `The policy of ${shortKey(key.arn)} (${what}) lets neither the account root nor AWSServiceRoleForImageBuilder use it.`
      : `The policy of ${shortKey(key.arn)} (${what}) does not share it with ${who}: missing ${actionList(result.missing)}.`;
  return [
    {
      code:
        purpose === 'imagebuilder-service'
          ? 'KEY_POLICY_MISSING_IMAGE_BUILDER_ROLE'
          : 'KEY_NOT_SHARED_WITH_ACCOUNT',
      message: message.length > 160 ? `${message.slice(0, 159)}…` : message,
      scenarios,
      subject: keySubject(key),
      consumer,
      missingActions: result.missing,
      fix: {
        summary: denied
          ? `Remove or narrow the Deny statement(s) in the policy of ${key.arn} that block ${who}.`
          : `Add the statement(s) to the policy of ${key.arn} (${keyRegion(key)}).`,
        keyArn: key.arn,
        ...(result.remediation.keyPolicyStatements.length > 0
          ? { keyPolicyStatements: result.remediation.keyPolicyStatements }
          : {}),
      },
    },
  ];
}

import type { Finding, JsonObject, JsonValue, Reason } from '../core/finding';
import type { ScenarioId } from '../core/ruleMetadata';
import { findAccount } from '../inventory/lookup';
import type { Role } from '../inventory/model';
import type { Inventory } from '../inventory/model';
import type { EvaluationScope } from '../kit/inventoryRule';
import type { ForeignImageKeys } from './foreignImageKeys';
import { foreignImageKeys } from './foreignImageKeys';
import { judgeRoleKey } from './judgeRoleKey';
import { canLaunch, isSelected, rolePolicies } from './launcherRoles';
import type { AmiConsumerRoleKmsAccessParams } from './metadata';
import { metadata } from './metadata';
import { scopeNamesResource } from '../kit/scopeNamesResource';

const ROLE_TYPE = 'AWS::IAM::Role';
type Verdict = Omit<
  Finding,
  'ruleId' | 'resourceType' | 'resourceId' | 'accountId' | 'region' | 'resourceArn'
>;

function roleFinding(role: Role, scope: EvaluationScope, verdict: Verdict): Finding {
  return {
    ruleId: metadata.id,
    resourceType: ROLE_TYPE,
    resourceId: role.roleId,
    resourceArn: role.arn,
    accountId: scope.accountId,
    region: scope.region,
    ...verdict,
  };
}

/** One identity policy from the statements proposed per key: same Sid and actions → one statement, resources joined. */
export function mergeIdentityStatements(statements: readonly JsonObject[]): JsonObject {
  const merged: JsonObject[] = [];
  const byShape = new Map<string, JsonObject>();
  const sids = new Set<string>();
  for (const s of statements) {
    const { Resource, ...rest } = s;
    const shape = JSON.stringify(rest);
    const resources = Array.isArray(Resource) ? Resource : Resource === undefined ? [] : [Resource];
    const existing = byShape.get(shape);
    if (existing) {
      const current = existing['Resource'] as JsonValue[];
      for (const r of resources) if (!current.includes(r)) current.push(r);
      continue;
    }
    let sid = typeof s['Sid'] === 'string' ? s['Sid'] : 'AllowKeyUse';
    for (let i = 2; sids.has(sid); i++) sid = `${String(s['Sid'])}${i}`;
    sids.add(sid);
    const entry: JsonObject = { ...rest, Sid: sid, Resource: [...resources] };
    byShape.set(shape, entry);
    merged.push(entry);
  }
  return { Version: '2012-10-17', Statement: merged };
}

function judgeRole(
  inventory: Inventory,
  role: Role,
  foreign: ForeignImageKeys,
  scope: EvaluationScope,
  inScope: boolean,
): Finding | undefined {
  const parsed = rolePolicies(role);
  if (parsed.status === 'problem') {
    return roleFinding(role, scope, {
      compliance: 'NON_COMPLIANT',
      scenarios: [],
      reasons: [parsed.reason],
      consumer: role.arn,
    });
  }
  if (!canLaunch(parsed.policies, scope.accountId, scope.region)) {
    return inScope
      ? roleFinding(role, scope, {
          compliance: 'NOT_APPLICABLE',
          scenarios: [],
          reasons: [
            { code: 'NOT_A_LAUNCHER', message: `Role ${role.roleName} may not call ec2:RunInstances.` },
          ],
        })
      : undefined;
  }
  const verdicts = foreign.keys.map((k) =>
    judgeRoleKey(inventory, role, parsed.policies, k, scope.accountId),
  );
  const failing = verdicts.filter((v) => !v.ok);
  const notes = verdicts.filter((v) => v.ok).flatMap((v) => v.reasons);
  if (failing.length === 0 && foreign.unreadable.length === 0) {
    const count = foreign.keys.length;
    return roleFinding(role, scope, {
      compliance: 'COMPLIANT',
      scenarios: [],
      reasons: [
        {
          code: count === 0 ? 'NO_FOREIGN_KEYS' : 'ROLE_MAY_USE_FOREIGN_KEYS',
          message:
            count === 0
              ? 'No AMI shared with the account uses a foreign key.'
              : `Role ${role.roleName} may use the ${count} foreign key(s) of shared AMIs.`,
        },
        ...notes,
      ],
    });
  }
  const scenarios: ScenarioId[] = [...new Set(failing.flatMap((v) => v.scenarios))];
  const identityStatements = failing.flatMap((v) => v.identityStatements);
  const keyPolicyStatements = failing.flatMap((v) => v.keyPolicyStatements);
  const reasons: Reason[] = [...failing.flatMap((v) => v.reasons), ...foreign.unreadable, ...notes];
  return roleFinding(role, scope, {
    compliance: 'NON_COMPLIANT',
    scenarios,
    reasons,
    consumer: role.arn,
    missingActions: [...new Set(failing.flatMap((v) => v.missingActions))],
    ...(identityStatements.length > 0 || keyPolicyStatements.length > 0
      ? {
          fix: {
            summary:
              identityStatements.length > 0
                ? `Attach an identity policy (the article's KmsKeyUsagePolicy) to role ${role.roleName}.`
                : `Ask the key owner to add role ${role.roleName} to the key policy.`,
            roleArn: role.arn,
            ...(identityStatements.length > 0
              ? { identityPolicy: mergeIdentityStatements(identityStatements) }
              : {}),
            ...(keyPolicyStatements.length > 0 ? { keyPolicyStatements } : {}),
          },
        }
      : {}),
  });
}

function matchesResource(role: Role, scope: EvaluationScope): boolean {
  return scopeNamesResource(scope, ROLE_TYPE, [role.roleId, role.roleName, role.arn]);
}

/**
 * L3 (consumer side): in an account that receives shared encrypted AMIs, each selected role that
 * may launch instances may use every foreign key those AMIs use (identity side always; the key
 * policy too where its owner was read). One AWS::IAM::Role finding per launcher role. Pure.
 */
export function evaluateAmiConsumerRoleKmsAccess(
  inventory: Inventory,
  params: AmiConsumerRoleKmsAccessParams,
  scope: EvaluationScope,
): Finding[] {
  const account = findAccount(inventory, scope.accountId);
  if (!account || account.roles.status === 'unknown') {
    const why = account?.roles.status === 'unknown' ? account.roles.reason.code : 'not collected';
    const r = scope.resource;
    return [
      {
        ruleId: metadata.id,
        resourceType: r ? r.resourceType : 'AWS::::Account',
        resourceId: r ? r.resourceId : scope.accountId,
        accountId: scope.accountId,
        region: scope.region,
        compliance: 'NON_COMPLIANT',
        scenarios: [],
        reasons: [
          { code: 'FACT_UNREADABLE', message: `IAM roles of ${scope.accountId} unreadable (${why}).` },
        ],
      },
    ];
  }
  const regions = scope.regions ?? [scope.region, ...params.regions];
  const foreign = foreignImageKeys(inventory, scope.accountId, [
    scope.region,
    ...regions.filter((r) => r !== scope.region),
  ]);
  const changeTriggered = scope.resource?.resourceType === ROLE_TYPE;
  return account.roles.value
    .filter((role) => matchesResource(role, scope))
    .flatMap((role) => {
      if (!isSelected(role, params)) {
        return changeTriggered
          ? [
              roleFinding(role, scope, {
                compliance: 'NOT_APPLICABLE',
                scenarios: [],
                reasons: [
                  {
                    code: 'NOT_SELECTED',
                    message: `Role ${role.roleName} is not selected (service-linked, RoleNamePatterns or RoleTag).`,
                  },
                ],
              }),
            ]
          : [];
      }
      return judgeRole(inventory, role, foreign, scope, changeTriggered) ?? [];
    });
}

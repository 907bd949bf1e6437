import type { Finding, Reason } from '../core/finding';
import type { ScenarioId } from '../core/ruleMetadata';
import type { Image, LaunchPermission } from '../inventory/model';
import type { EvaluationScope } from '../kit/inventoryRule';

/** Config reports AMI rules on the account: it has no AMI resource type. */
export const ACCOUNT_RESOURCE_TYPE = 'AWS::::Account';
export const IMAGE_RESOURCE_TYPE = 'AWS::EC2::Image';

/** How many AMI ids the account annotation names before "and N more". */
const NAMED_AMIS = 3;

/** Scenario ids of findings, without duplicates, in catalogue order of first appearance. */
export function scenariosOf(findings: readonly Pick<Finding, 'scenarios'>[]): ScenarioId[] {
  return [...new Set(findings.flatMap((f) => f.scenarios))];
}

/** Who a launch permission names, in words: `account 222222222222`, `organization o-abc`, `everyone`. */
export function describeLaunchPermission(p: LaunchPermission): string {
  if ('userId' in p) return `account ${p.userId}`;
  if ('group' in p) return 'everyone (public)';
  if ('organizationArn' in p)
    return `organization ${p.organizationArn.split('/').pop() ?? p.organizationArn}`;
  return `OU ${p.organizationalUnitArn.split('/').pop() ?? p.organizationalUnitArn}`;
}

/** A per-AMI finding (resource type AWS::EC2::Image). */
export function amiFinding(
  ruleId: string,
  scope: EvaluationScope,
  image: Image,
  verdict: Omit<Finding, 'ruleId' | 'resourceType' | 'resourceId' | 'accountId' | 'region' | 'resourceArn'>,
): Finding {
  return {
    ruleId,
    resourceType: IMAGE_RESOURCE_TYPE,
    resourceId: image.imageId,
    resourceArn: `arn:aws:ec2:${scope.region}::image/${image.imageId}`,
    accountId: scope.accountId,
    region: scope.region,
    ...verdict,
  };
}

/**
 * The findings an AMI rule reports: by default ONE AWS::::Account finding for the account and
 * Region (NON_COMPLIANT when any AMI fails; the first AMIs and the count in its first reason; the
 * per-AMI findings in `details`); with `perAmi`, the per-AMI findings themselves.
 * `accountReasons` are account-level problems (e.g. the AMIs could not be listed).
 */
export function amiRuleFindings(
  ruleId: string,
  scope: EvaluationScope,
  perAmiFindings: readonly Finding[],
  options: { readonly perAmi: boolean; readonly accountProblems?: readonly Reason[]; readonly noun: string },
): Finding[] {
  const problems = options.accountProblems ?? [];
  const failing = perAmiFindings.filter((f) => f.compliance === 'NON_COMPLIANT');
  if (options.perAmi && problems.length === 0) return [...perAmiFindings];
  const base = {
    ruleId,
    resourceType: ACCOUNT_RESOURCE_TYPE,
    resourceId: scope.accountId,
    accountId: scope.accountId,
    region: scope.region,
    details: [...perAmiFindings],
  };
  if (problems.length > 0) {
    return [
      {
        ...base,
        compliance: 'NON_COMPLIANT',
        scenarios: [...new Set([...problems.flatMap((r) => r.scenarios ?? []), ...scenariosOf(failing)])],
        reasons: [...problems, ...failing.flatMap((f) => f.reasons.slice(0, 1))],
      },
    ];
  }
  if (failing.length === 0) {
    const judged = perAmiFindings.length;
    return [
      {
        ...base,
        compliance: 'COMPLIANT',
        scenarios: [],
        reasons: [
          {
            code: judged === 0 ? 'NOTHING_TO_JUDGE' : 'ALL_COMPLIANT',
            message:
              judged === 0
                ? `No ${options.noun} in ${scope.accountId}/${scope.region}.`
                : `${judged} ${options.noun} checked in ${scope.region}: all compliant.`,
          },
        ],
      },
    ];
  }
  const ids = [...new Set(failing.map((f) => f.resourceId))];
  const named = ids.slice(0, NAMED_AMIS).join(', ');
  const more = ids.length > NAMED_AMIS ? ` and ${ids.length - NAMED_AMIS} more` : '';
  const first = failing[0];
  const summary: Reason = {
    code: 'AMIS_NON_COMPLIANT',
    message: `${ids.length} of ${new Set(perAmiFindings.map((f) => f.resourceId)).size} ${options.noun} fail: ${named}${more}`,
    scenarios: scenariosOf(failing),
  };
  return [
    {
      ...base,
      compliance: 'NON_COMPLIANT',
      scenarios: scenariosOf(failing),
      reasons: [summary, ...(first ? first.reasons.slice(0, 1) : [])],
      ...(first?.consumer ? { consumer: first.consumer } : {}),
      ...(first?.missingActions ? { missingActions: first.missingActions } : {}),
      ...(first?.fix ? { fix: first.fix } : {}),
    },
  ];
}

/** True when the AMI is shared with anyone (launch permissions or public). Unknown → undefined. */
export function sharingOf(image: Image): readonly LaunchPermission[] | undefined {
  if (image.launchPermissions.status === 'unknown') return image.public ? [{ group: 'all' }] : undefined;
  const perms = [...image.launchPermissions.value];
  if (image.public && !perms.some((p) => 'group' in p)) perms.push({ group: 'all' });
  return perms;
}

import type { JsonObject, Reason } from '../core/finding';
import type { ScenarioId } from '../core/ruleMetadata';
import { findOrganizationAccount } from '../inventory/lookup';
import type { Inventory, Key } from '../inventory/model';
import type { KeyAccessResult, OrganizationInfo, PolicyDocument, Purpose } from '../policy';
import { checkKeyAccess, imageBuilderTargetRoleArn } from '../policy';
import type { ConsumerGroup } from './consumerGroups';
import { consumerLabel, consumerRef } from './consumerGroups';

/**
 * An account id no policy names: stands for "some member of the organization" when the
 * organization's member list could not be read. Only an `allowed` answer is trusted for it.
 */
const ANY_MEMBER = '000000000000';
const GRANT_ACTIONS = new Set(['kms:creategrant', 'kms:listgrants', 'kms:revokegrant']);
const NAMED_ACTIONS = 2;

/** One consumer group's verdict on one key. */
export interface ConsumerVerdict {
  readonly consumer: string;
  readonly label: string;
  readonly status: 'allowed' | 'denied' | 'conditional' | 'unreadable';
  readonly scenarios: readonly ScenarioId[];
  /** Present unless allowed. */
  readonly reason?: Reason;
  readonly missingActions: readonly string[];
  readonly keyPolicyStatements: readonly JsonObject[];
  /** Members of an organization / OU group that the key policy does not let in. */
  readonly deniedMembers?: readonly string[];
  /** Allowed only for principals the key policy names, not the account(s): informational. */
  readonly note?: Reason;
}

function shortActions(actions: readonly string[]): string {
  const names = actions.map((a) => a.replace(/^kms:/, ''));
  const shown = names.slice(0, NAMED_ACTIONS).join(', ');
  return names.length > NAMED_ACTIONS ? `${shown} +${names.length - NAMED_ACTIONS} more` : shown;
}

function scenariosFor(purpose: Purpose, actions: readonly string[], uniqueIds: boolean): ScenarioId[] {
  const out: ScenarioId[] = [];
  if (purpose === 'launch') {
    if (actions.some((a) => !GRANT_ACTIONS.has(a.toLowerCase()))) out.push('L1');
    if (actions.some((a) => GRANT_ACTIONS.has(a.toLowerCase()))) out.push('L2');
  } else {
    out.push('D12');
  }
  if (uniqueIds) out.push('G3');
  return out;
}

const VERB: Record<Purpose, string> = {
  launch: 'launch from it',
  'imagebuilder-target': 'receive distributed AMIs',
  'imagebuilder-service': 'distribute with it',
};

/**
 * The principals that may act for `purpose` when the key policy names some principals of the
 * account rather than the account: any of them for a launch (the owner limited launching to them),
 * only the cross-account distribution role for Image Builder targets (the role that copies).
 */
function actingNamedPrincipals(result: KeyAccessResult, purpose: Purpose, accountId: string): string[] {
  if (result.decision === 'allowed') return [];
  if (purpose === 'launch') return [...result.namedPrincipals];
  if (purpose === 'imagebuilder-target') {
    const role = imageBuilderTargetRoleArn(accountId);
    return result.namedPrincipals.includes(role) ? [role] : [];
  }
  return [];
}

function namedNote(principals: readonly string[], accountText: string, purpose: Purpose): Reason {
  const shown =
    principals.length > 2
      ? `${principals.slice(0, 2).join(', ')} +${principals.length - 2} more`
      : principals.join(', ');
  const them = principals.length > 1 ? 'them' : 'it';
  return {
    code: 'KEY_POLICY_NAMES_PRINCIPALS',
    message:
      `Only ${shown} of ${accountText} may ${VERB[purpose]} (the key policy names ${them}, not the account).`.slice(
        0,
        160,
      ),
  };
}

function allowedVerdict(
  group: ConsumerGroup,
  note?: Reason,
  deniedMembers?: readonly string[],
): ConsumerVerdict {
  return {
    consumer: consumerRef(group),
    label: consumerLabel(group),
    status: 'allowed',
    scenarios: [],
    missingActions: [],
    keyPolicyStatements: [],
    ...(deniedMembers ? { deniedMembers } : {}),
    ...(note ? { note } : {}),
  };
}

function verdictOf(
  result: KeyAccessResult,
  group: ConsumerGroup,
  key: Key,
  purpose: Purpose,
  deniedMembers?: readonly string[],
): ConsumerVerdict {
  const label = consumerLabel(group);
  const base = { consumer: consumerRef(group), label, ...(deniedMembers ? { deniedMembers } : {}) };
  if (result.decision === 'allowed') {
    return { ...base, status: 'allowed', scenarios: [], missingActions: [], keyPolicyStatements: [] };
  }
  const uniqueIds = result.uniqueIdPrincipals.length > 0;
  if (result.decision === 'conditional') {
    const conditional = result.actions.filter((a) => a.decision === 'conditional').map((a) => a.action);
    return {
      ...base,
      status: 'conditional',
      scenarios: scenariosFor(purpose, conditional, uniqueIds),
      reason: {
        code: 'KEY_ACCESS_UNDECIDABLE',
        message: `Key ${key.keyId}: whether ${label} may ${VERB[purpose]} depends on ${result.conditionalKeys.join(', ')}.`,
        scenarios: scenariosFor(purpose, conditional, uniqueIds),
      },
      missingActions: conditional,
      keyPolicyStatements: [],
    };
  }
  const scenarios = scenariosFor(purpose, result.missing, uniqueIds);
  const denied = result.explicitDenies.length > 0;
  const members = deniedMembers && deniedMembers.length > 0 ? ` (${deniedMembers.length} account(s))` : '';
  const stale = uniqueIds ? ` Stale principal ${result.uniqueIdPrincipals[0]}.` : '';
  return {
    ...base,
    status: 'denied',
    scenarios,
    reason: {
      code: denied ? 'KEY_POLICY_DENIES_CONSUMER' : 'KEY_POLICY_MISSING_CONSUMER',
      message: `Key ${key.keyId} ${denied ? 'denies' : 'does not let'} ${label}${members} ${VERB[purpose]}: missing ${shortActions(result.missing)}.${stale}`,
      scenarios,
    },
    missingActions: result.missing,
    keyPolicyStatements: result.remediation.keyPolicyStatements,
  };
}

function grantsOf(key: Key) {
  return key.grants?.status === 'known' ? { grants: key.grants.value } : {};
}

function orgInfoOf(inventory: Inventory, accountId: string): OrganizationInfo | undefined {
  const org = inventory.organization;
  const member = findOrganizationAccount(inventory, accountId);
  if (!org || org.status === 'unknown' || !member) return undefined;
  return { id: org.value.id, paths: [member.ouPath] };
}

/** The OU's own path (`o-abc/r-root/ou-x/`) from a member's path. */
function ouPrefix(memberPath: string, ouId: string): string {
  const at = memberPath.indexOf(`/${ouId}/`);
  return at === -1 ? memberPath : memberPath.slice(0, at + ouId.length + 2);
}

/**
 * Judges whether the key policy (and grants, when read) lets a consumer group use the key for
 * `purpose`, through the policy engine. Organization and OU shares are judged for each member
 * account (the organization read) and propose `aws:PrincipalOrgID` / `aws:PrincipalOrgPaths`
 * statements; when the members cannot be listed, only an `allowed` answer for any member counts.
 */
export function judgeKeyConsumer(
  inventory: Inventory,
  key: Key,
  policy: PolicyDocument,
  group: ConsumerGroup,
  purpose: Purpose,
  ownerAccountId: string,
): ConsumerVerdict {
  const common = { keyArn: key.arn, keyPolicy: policy, purpose, ...grantsOf(key) };
  if (group.kind === 'account') {
    const organization = orgInfoOf(inventory, group.accountId);
    const result = checkKeyAccess({
      ...common,
      consumer: { kind: 'account', accountId: group.accountId },
      ...(organization ? { organization } : {}),
    });
    const named = actingNamedPrincipals(result, purpose, group.accountId);
    if (named.length > 0) return allowedVerdict(group, namedNote(named, group.accountId, purpose));
    return verdictOf(result, group, key, purpose);
  }
  const org = inventory.organization;
  if (org && org.status === 'known' && org.value.id === group.orgId) {
    const members = org.value.accounts.filter(
      (a) =>
        a.id !== ownerAccountId &&
        (a.status === undefined || a.status === 'ACTIVE') &&
        (group.kind === 'organization' || a.ouIds.includes(group.ouId)),
    );
    const shareScope = group.kind === 'organization' ? 'organization' : 'organizational-units';
    let worst: KeyAccessResult | undefined;
    let worstMember = '';
    const deniedMembers: string[] = [];
    const namedByMember: { member: string; principals: string[] }[] = [];
    for (const member of members) {
      const result = checkKeyAccess({
        ...common,
        consumer: { kind: 'account', accountId: member.id },
        organization: { id: group.orgId, paths: [member.ouPath] },
        shareScope,
      });
      if (result.decision === 'allowed') continue;
      const named = actingNamedPrincipals(result, purpose, member.id);
      if (named.length > 0) {
        namedByMember.push({ member: member.id, principals: named });
        continue;
      }
      if (result.decision === 'denied') deniedMembers.push(member.id);
      if (!worst || (worst.decision === 'conditional' && result.decision === 'denied')) {
        worst = result;
        worstMember = member.ouPath;
      }
    }
    if (!worst) {
      const first = namedByMember[0];
      if (!first) return allowedVerdict(group);
      const more = namedByMember.length > 1 ? ` (+${namedByMember.length - 1} more account(s))` : '';
      return allowedVerdict(group, namedNote(first.principals, `${first.member}${more}`, purpose));
    }
    if (group.kind === 'organizational-unit') {
      // The statement names the OU's own path (every account under it), not the member's deeper path.
      const first = members.find((m) => m.ouPath === worstMember) ?? members[0];
      const scoped = checkKeyAccess({
        ...common,
        consumer: { kind: 'account', accountId: first?.id ?? ANY_MEMBER },
        organization: { id: group.orgId, paths: [ouPrefix(worstMember, group.ouId)] },
        shareScope,
      });
      worst = { ...worst, remediation: scoped.remediation };
    }
    return verdictOf(worst, group, key, purpose, deniedMembers);
  }
  // The organization's members could not be listed (or it is another organization).
  const any = checkKeyAccess({
    ...common,
    consumer: { kind: 'account', accountId: ANY_MEMBER },
    organization: { id: group.orgId, paths: [] },
    ...(group.kind === 'organization' ? { shareScope: 'organization' as const } : {}),
  });
  if (any.decision === 'allowed') return verdictOf(any, group, key, purpose);
  const label = consumerLabel(group);
  return {
    consumer: consumerRef(group),
    label,
    status: 'unreadable',
    scenarios: [],
    reason: {
      code: 'FACT_UNREADABLE',
      message: `Members of ${label} unreadable: cannot tell whether they may use key ${key.keyId} (no org-wide grant found).`,
    },
    missingActions: any.missing,
    keyPolicyStatements: group.kind === 'organization' ? any.remediation.keyPolicyStatements : [],
  };
}

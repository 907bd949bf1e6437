import type { Reason } from '../core/finding';
import type { Role } from '../inventory/model';
import type { PolicyDocument } from '../policy';
import { evaluateIdentityPolicies, parsePolicyDocument, PolicyParseError } from '../policy';
import { matchesTag } from '../shared-ami-uses-customer-managed-key/launchRuleParameters';
import type { AmiConsumerRoleKmsAccessParams } from './metadata';

/** A role's identity policies parsed, or why they cannot be judged. */
export type RolePolicies =
  | { readonly status: 'parsed'; readonly policies: readonly PolicyDocument[] }
  | { readonly status: 'problem'; readonly reason: Reason };

export function rolePolicies(role: Role): RolePolicies {
  const documents: { name: string; text: string }[] = [];
  for (const p of role.attachedPolicies) {
    if (p.document.status === 'unknown') {
      return {
        status: 'problem',
        reason: {
          code: 'FACT_UNREADABLE',
          message: `Policy ${p.policyName} of role ${role.roleName} unreadable (${p.document.reason.code}).`,
        },
      };
    }
    documents.push({ name: p.policyName, text: p.document.value });
  }
  for (const p of role.inlinePolicies) documents.push({ name: p.policyName, text: p.document });
  const policies: PolicyDocument[] = [];
  for (const d of documents) {
    try {
      policies.push(parsePolicyDocument(d.text, 'identity'));
    } catch (error) {
      if (!(error instanceof PolicyParseError)) throw error;
      return {
        status: 'problem',
        reason: {
          code: 'IDENTITY_POLICY_INVALID',
          message: `Policy ${d.name} of role ${role.roleName} cannot be parsed: ${error.message}`.slice(
            0,
            160,
          ),
        },
      };
    }
  }
  return { status: 'parsed', policies };
}

/** Service-linked roles are AWS's: their policies cannot be changed. */
export function isServiceLinked(role: Role): boolean {
  return role.path.startsWith('/aws-service-role/');
}

/** Whether the parameters select the role (name patterns, tag). */
export function isSelected(role: Role, params: AmiConsumerRoleKmsAccessParams): boolean {
  if (isServiceLinked(role)) return false;
  if (params.roleNamePatterns.length > 0 && !params.roleNamePatterns.some((p) => p.matches(role.roleName)))
    return false;
  return params.roleTag === undefined || matchesTag(role.tags, params.roleTag);
}

/**
 * Whether the identity policies may allow `ec2:RunInstances` (allowed, or depending on a
 * condition: both count as launchers, so that a conditional launcher is still checked).
 */
export function canLaunch(policies: readonly PolicyDocument[], accountId: string, region: string): boolean {
  const d = evaluateIdentityPolicies(
    policies,
    'ec2:RunInstances',
    `arn:aws:ec2:${region}:${accountId}:instance/*`,
  ).decision;
  return d === 'allowed' || d === 'conditional';
}

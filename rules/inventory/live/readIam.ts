import type { IAMClient } from '@aws-sdk/client-iam';
import { paginateGetAccountAuthorizationDetails } from '@aws-sdk/client-iam';
import type { Fact } from '../fact';
import { known, unknown } from '../fact';
import type { Role } from '../model';

/** IAM returns policy documents URL-encoded (RFC 3986); the SDK does not decode them. */
export function decodePolicyDocument(document: string): string {
  if (!document.includes('%')) return document;
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}

/**
 * Every role of the account with its trust policy, inline policies and attached managed policies'
 * default documents, from GetAccountAuthorizationDetails (one paginated call for all of it).
 */
export async function readRoles(client: IAMClient): Promise<Role[]> {
  const roleDetails = [];
  const policyDocuments = new Map<string, string>();
  for await (const page of paginateGetAccountAuthorizationDetails(
    { client },
    { Filter: ['Role', 'LocalManagedPolicy', 'AWSManagedPolicy'] },
  )) {
    roleDetails.push(...(page.RoleDetailList ?? []));
    for (const p of page.Policies ?? []) {
      const v = p.PolicyVersionList?.find((pv) => pv.IsDefaultVersion) ?? p.PolicyVersionList?.[0];
      if (p.Arn && v?.Document) policyDocuments.set(p.Arn, decodePolicyDocument(v.Document));
    }
  }
  return roleDetails.map((r) => ({
    roleName: r.RoleName ?? '',
    path: r.Path ?? '/',
    arn: r.Arn ?? '',
    roleId: r.RoleId ?? '',
    trustPolicy: decodePolicyDocument(r.AssumeRolePolicyDocument ?? '{}'),
    attachedPolicies: (r.AttachedManagedPolicies ?? []).map((p) => {
      const doc = p.PolicyArn ? policyDocuments.get(p.PolicyArn) : undefined;
      const document: Fact<string> =
        doc === undefined
          ? unknown(
              'NotFound',
              `GetAccountAuthorizationDetails listed no document for ${p.PolicyArn ?? '?'}`,
              'iam:GetAccountAuthorizationDetails',
            )
          : known(doc);
      return { policyName: p.PolicyName ?? '', policyArn: p.PolicyArn ?? '', document };
    }),
    inlinePolicies: (r.RolePolicyList ?? []).map((p) => ({
      policyName: p.PolicyName ?? '',
      document: decodePolicyDocument(p.PolicyDocument ?? '{}'),
    })),
    ...(r.PermissionsBoundary?.PermissionsBoundaryArn
      ? { permissionsBoundaryArn: r.PermissionsBoundary.PermissionsBoundaryArn }
      : {}),
    tags: Object.fromEntries((r.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
  }));
}

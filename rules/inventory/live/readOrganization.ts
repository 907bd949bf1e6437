import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  DescribeOrganizationCommand,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
} from '@aws-sdk/client-organizations';
import type { Organization, OrganizationAccount } from '../model';

/**
 * The organization with every account and its OU path (`o-…/r-…/ou-…/`), walking the tree from
 * the roots. Run from the management account or a delegated administrator.
 */
export async function readOrganization(client: OrganizationsClient): Promise<Organization> {
  const described = await client.send(new DescribeOrganizationCommand({}));
  const org = described.Organization;
  if (!org?.Id || !org.MasterAccountId) throw new Error('DescribeOrganization returned no organization id');
  const orgId = org.Id;
  const accounts: OrganizationAccount[] = [];
  const walk = async (parentId: string, path: string, ouIds: string[]): Promise<void> => {
    for await (const page of paginateListAccountsForParent({ client }, { ParentId: parentId })) {
      for (const a of page.Accounts ?? []) {
        if (!a.Id) continue;
        accounts.push({
          id: a.Id,
          ...(a.Name ? { name: a.Name } : {}),
          ...((a.State ?? a.Status) ? { status: String(a.State ?? a.Status) } : {}),
          ouPath: path,
          ouIds: [...ouIds],
        });
      }
    }
    for await (const page of paginateListOrganizationalUnitsForParent({ client }, { ParentId: parentId })) {
      for (const ou of page.OrganizationalUnits ?? []) {
        if (ou.Id) await walk(ou.Id, `${path}${ou.Id}/`, [...ouIds, ou.Id]);
      }
    }
  };
  for await (const page of paginateListRoots({ client }, {})) {
    for (const root of page.Roots ?? []) if (root.Id) await walk(root.Id, `${orgId}/${root.Id}/`, []);
  }
  accounts.sort((a, b) => a.id.localeCompare(b.id));
  return {
    id: orgId,
    ...(org.Arn ? { arn: org.Arn } : {}),
    managementAccountId: org.MasterAccountId,
    accounts,
  };
}

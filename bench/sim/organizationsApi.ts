import type { OperationHandler, SimResponse } from './simTypes';
import { SimError } from './simTypes';

const json = (o: object): SimResponse => ({
  body: JSON.stringify(o),
  contentType: 'application/x-amz-json-1.1',
});

/**
 * Organizations as the management account (or a delegated administrator) sees it: the synthetic
 * organization, whoever asks. Every member account sits in one OU under the root.
 */
export const ORGANIZATIONS_OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  DescribeOrganization: (_p, { org }) =>
    json({
      Organization: {
        Id: org.organizationId,
        Arn: `arn:aws:organizations::${org.managementAccountId}:organization/${org.organizationId}`,
        MasterAccountId: org.managementAccountId,
        MasterAccountArn: `arn:aws:organizations::${org.managementAccountId}:account/${org.organizationId}/${org.managementAccountId}`,
        FeatureSet: 'ALL',
      },
    }),
  ListRoots: (_p, { org }) =>
    json({
      Roots: [
        {
          Id: org.rootId,
          Arn: `arn:aws:organizations::${org.managementAccountId}:root/${org.organizationId}/${org.rootId}`,
          Name: 'Root',
        },
      ],
    }),
  ListOrganizationalUnitsForParent: (params, { org }) => {
    const parent = String(params['ParentId'] ?? '');
    if (parent !== org.rootId && !org.ouIds.includes(parent))
      throw new SimError('ParentNotFoundException', `parent ${parent} not found`);
    const ous = parent === org.rootId ? org.ouIds : [];
    return json({
      OrganizationalUnits: ous.map((id) => ({
        Id: id,
        Arn: `arn:aws:organizations::${org.managementAccountId}:ou/${org.organizationId}/${id}`,
        Name: id,
      })),
    });
  },
  ListAccountsForParent: (params, { org }) => {
    const parent = String(params['ParentId'] ?? '');
    const members = org.accounts.filter((a) =>
      parent === org.rootId ? a.ouIds.length === 0 : a.ouIds[a.ouIds.length - 1] === parent,
    );
    const ids =
      parent === org.rootId
        ? [org.managementAccountId, ...members.map((a) => a.accountId)]
        : members.map((a) => a.accountId);
    return json({
      Accounts: ids.map((id) => ({
        Id: id,
        Arn: `arn:aws:organizations::${org.managementAccountId}:account/${org.organizationId}/${id}`,
        Name: id === org.managementAccountId ? 'management' : `member-${id}`,
        Email: `aws+${id}@example.com`,
        Status: 'ACTIVE',
        State: 'ACTIVE',
      })),
    });
  },
};

import { MEMBER_ACCOUNT_READ_ACTIONS, ORGANIZATION_READ_ACTIONS } from './readPermissions';

/** The IAM policy `collect` needs, as published in docs/collect-permissions.json. */
export function collectPermissionsPolicy(): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AmiShareGuardInventoryRead',
        Effect: 'Allow',
        Action: [...MEMBER_ACCOUNT_READ_ACTIONS],
        Resource: '*',
      },
      {
        Sid: 'AmiShareGuardOrganizationRead',
        Effect: 'Allow',
        Action: [...ORGANIZATION_READ_ACTIONS],
        Resource: '*',
      },
    ],
  };
}

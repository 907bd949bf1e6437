import { defineInventoryRule } from '../kit/defineInventoryRule';
import { evaluateAmiConsumerRoleKmsAccess } from './evaluate';
import { foreignImageKeyTargets } from './foreignImageKeys';
import { metadata } from './metadata';

export const amiConsumerRoleKmsAccessRule = defineInventoryRule({
  metadata,
  families: ['roles', 'sharedWithMe'],
  granularity: 'account',
  needsOrganization: true,
  dependencies: (inventory, params, scope) =>
    foreignImageKeyTargets(inventory, scope.accountId, scope.region, params.regions),
  evaluate: evaluateAmiConsumerRoleKmsAccess,
});

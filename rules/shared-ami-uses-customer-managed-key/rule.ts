import { defineInventoryRule } from '../kit/defineInventoryRule';
import { evaluateSharedAmiUsesCustomerManagedKey } from './evaluate';
import { metadata } from './metadata';
import { foreignSnapshotKeyTargets } from './snapshotKeyTargets';

export const sharedAmiUsesCustomerManagedKeyRule = defineInventoryRule({
  metadata,
  families: ['keys', 'images'],
  granularity: 'region',
  needsOrganization: false,
  dependencies: (inventory, _params, scope) =>
    foreignSnapshotKeyTargets(inventory, scope.accountId, scope.region),
  evaluate: evaluateSharedAmiUsesCustomerManagedKey,
});

import { defineInventoryRule } from '../kit/defineInventoryRule';
import { foreignSnapshotKeyTargets } from '../shared-ami-uses-customer-managed-key/snapshotKeyTargets';
import { evaluateSharedAmiKeyGrantsConsumers } from './evaluate';
import { metadata } from './metadata';

export const sharedAmiKeyGrantsConsumersRule = defineInventoryRule({
  metadata,
  families: ['keys', 'images'],
  granularity: 'region',
  needsOrganization: true,
  dependencies: (inventory, _params, scope) =>
    foreignSnapshotKeyTargets(inventory, scope.accountId, scope.region),
  evaluate: evaluateSharedAmiKeyGrantsConsumers,
});

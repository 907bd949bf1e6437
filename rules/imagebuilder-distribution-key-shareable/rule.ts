import { applyImageBuilderItem } from './applyImageBuilderItem';
import { defineInventoryRule } from '../kit/defineInventoryRule';
import { distributionDependencies } from './dependencies';
import { evaluateDistributionKeyShareable } from './evaluate';
import { metadata } from './metadata';

export const imagebuilderDistributionKeyShareableRule = defineInventoryRule({
  metadata,
  families: ['keys', 'imageBuilder'],
  granularity: 'region',
  needsOrganization: true,
  dependencies: distributionDependencies,
  applyConfigurationItem: applyImageBuilderItem,
  evaluate: evaluateDistributionKeyShareable,
});

import { defineInventoryRule } from '../kit/defineInventoryRule';
import { applyKeyConfigurationItem } from './applyKeyConfigurationItem';
import { evaluateKmsKeyGrantsImageConsumers } from './evaluate';
import { metadata } from './metadata';

export const kmsKeyGrantsImageConsumersRule = defineInventoryRule({
  metadata,
  families: ['keys', 'images', 'imageBuilder'],
  granularity: 'region',
  needsOrganization: true,
  applyConfigurationItem: applyKeyConfigurationItem,
  evaluate: evaluateKmsKeyGrantsImageConsumers,
});

import { defineInventoryRule } from '../kit/defineInventoryRule';
import { evaluateEbsDefaultKeyShareable } from './evaluate';
import { metadata } from './metadata';

export const ebsDefaultKeyShareableRule = defineInventoryRule({
  metadata,
  families: ['keys', 'ebsEncryption', 'images', 'imageBuilder'],
  granularity: 'region',
  needsOrganization: false,
  evaluate: evaluateEbsDefaultKeyShareable,
});

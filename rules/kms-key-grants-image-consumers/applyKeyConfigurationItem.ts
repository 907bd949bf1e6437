import { z } from 'zod';
import type { ConfigurationItem } from '../core/configEvent';
import { known } from '../inventory/fact';
import type { Inventory, Key } from '../inventory/model';

const keyConfigurationSchema = z.looseObject({
  keyId: z.string().optional(),
  arn: z.string().optional(),
  keyState: z.string().optional(),
  enabled: z.boolean().optional(),
  keyManager: z.enum(['AWS', 'CUSTOMER']).optional(),
});

/**
 * Puts an `AWS::KMS::Key` configuration item's state (key state, enabled, key manager) and, when
 * the item carries it, its key policy (`supplementaryConfiguration.Policy`) onto the key read
 * live, so that a change-triggered verdict is about the item Config sent. Other items, or a key
 * the inventory does not hold, leave the inventory as read. Pure.
 */
export function applyKeyConfigurationItem(inventory: Inventory, item: ConfigurationItem): Inventory {
  if (item.resourceType !== 'AWS::KMS::Key') return inventory;
  const parsed = keyConfigurationSchema.safeParse(item.configuration);
  const config = parsed.success ? parsed.data : {};
  const policy = item.supplementaryConfiguration?.['Policy'];
  const update = (key: Key): Key => ({
    ...key,
    ...(config.keyState ? { keyState: config.keyState } : {}),
    ...(config.enabled === undefined ? {} : { enabled: config.enabled }),
    ...(config.keyManager ? { keyManager: config.keyManager } : {}),
    ...(typeof policy === 'string' && policy.trim() !== '' ? { policy: known(policy) } : {}),
  });
  const matches = (key: Key) =>
    key.keyId === item.resourceId || (item.ARN !== undefined && key.arn === item.ARN);
  return {
    ...inventory,
    accounts: inventory.accounts.map((account) =>
      account.accountId !== item.awsAccountId
        ? account
        : {
            ...account,
            regions: account.regions.map((region) =>
              region.region !== item.awsRegion || region.keys.status === 'unknown'
                ? region
                : { ...region, keys: known(region.keys.value.map((k) => (matches(k) ? update(k) : k))) },
            ),
          },
    ),
  };
}

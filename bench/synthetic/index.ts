export { accountIdAt, generateOrganization, MAX_ACCOUNTS, MAX_AMIS } from './generateOrganization';
export type { GenerateOptions } from './generateOrganization';
export { createPrng } from './prng';
export type { Prng } from './prng';
export type {
  SimAccount,
  SimDistribution,
  SimImage,
  SimKey,
  SimLaunchPermission,
  SimRegion,
  SimRole,
  SimSnapshot,
  SyntheticOrganization,
} from './syntheticModel';
export { toInventory } from './toInventory';

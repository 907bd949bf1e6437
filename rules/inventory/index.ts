export {
  UNKNOWN_REASON_CODES,
  UnknownReasonSchema,
  factSchema,
  isKnown,
  isUnknown,
  known,
  mapFact,
  unknown,
  valueOr,
} from './fact';
export type { Fact, KnownFact, UnknownFact, UnknownReason, UnknownReasonCode } from './fact';
export {
  AccountFactsSchema,
  AttachedPolicySchema,
  CreateVolumePermissionSchema,
  EbsEncryptionSchema,
  FACT_FAMILIES,
  GrantSchema,
  INVENTORY_FORMAT_VERSION,
  ImageBlockDeviceMappingSchema,
  ImageSchema,
  InlinePolicySchema,
  InventorySchema,
  KeySchema,
  LaunchPermissionSchema,
  OrganizationAccountSchema,
  OrganizationSchema,
  REGION_OPT_STATUSES,
  RegionFactsSchema,
  RegionOptStatusSchema,
  RoleSchema,
  SharedImageSchema,
  SnapshotSchema,
} from './model';
export type {
  AccountFacts,
  AttachedPolicy,
  CreateVolumePermission,
  EbsEncryption,
  FactFamily,
  Grant,
  Image,
  ImageBlockDeviceMapping,
  InlinePolicy,
  Inventory,
  Key,
  LaunchPermission,
  Organization,
  OrganizationAccount,
  RegionFacts,
  RegionOptStatus,
  Role,
  SharedImage,
  Snapshot,
} from './model';
export {
  AmiDistributionConfigurationSchema,
  DistributionConfigurationSchema,
  DistributionSchema,
  ImageBuilderFactsSchema,
  ImageBuilderImageSchema,
  ImagePipelineSchema,
  ImageRecipeSchema,
  LaunchPermissionConfigurationSchema,
  RecipeBlockDeviceMappingSchema,
} from './imageBuilderModel';
export type {
  AmiDistributionConfiguration,
  Distribution,
  DistributionConfiguration,
  ImageBuilderFacts,
  ImageBuilderImage,
  ImagePipeline,
  ImageRecipe,
  LaunchPermissionConfiguration,
  RecipeBlockDeviceMapping,
} from './imageBuilderModel';
export {
  findAccount,
  findImage,
  findKey,
  findKeyInRegion,
  findOrganizationAccount,
  findRegion,
  findRole,
  imageSnapshots,
  ouPathOf,
  parseKmsArn,
} from './lookup';
export type { ImageLocation, ImageSnapshot, KeyContext, KmsArnParts } from './lookup';
export { inventoryJsonSchema } from './inventoryJsonSchema';
export {
  INVENTORY_READ_ACTIONS,
  MEMBER_ACCOUNT_READ_ACTIONS,
  ORGANIZATION_READ_ACTIONS,
} from './readPermissions';
export { loadInventoryFile, parseInventory, serializeInventory, writeInventoryFile } from './inventoryFile';
export { ApiCallCounter } from './live/ApiCallCounter';
export { AwsClients } from './live/AwsClients';
export type { AwsClientsOptions, ClientConfigFor } from './live/AwsClients';
export { LiveInventorySource } from './live/LiveInventorySource';
export type { LiveInventorySourceOptions } from './live/LiveInventorySource';
export { collectInventory } from './live/collectInventory';
export type { CollectOptions, CollectionProgress, CollectionScope } from './live/collectInventory';
export { Semaphore } from './live/Semaphore';
export { errorCode, reasonCodeOf, unknownFromError } from './live/unknownFromError';
export {
  distributionConfigurationFromConfigurationItem,
  fromConfigurationItem,
  imagePipelineFromConfigurationItem,
  imageRecipeFromConfigurationItem,
  keyFromConfigurationItem,
} from './fromConfigurationItem';
export type { ConvertedConfigurationItem } from './fromConfigurationItem';
export {
  distributionConfigurationFromApi,
  imagePipelineFromApi,
  imageRecipeFromApi,
} from './live/readImageBuilder';
export { keyFromApi } from './live/readKms';
export { collectPermissionsPolicy } from './collectPermissionsPolicy';

/**
 * Every IAM action the live inventory source calls, by API family. All are read-only and none
 * reads or decrypts data (no kms:Decrypt, no s3:GetObject, no ssm:GetParameter, no secrets).
 * The CDK member role and `docs/collect-permissions.json` are generated from these lists; a test
 * checks that every API the live source sends is listed here.
 */

/** Read in each member account (through the read role): EC2, KMS, IAM, Image Builder, Account. */
export const MEMBER_ACCOUNT_READ_ACTIONS = [
  'account:ListRegions',
  'ec2:DescribeImageAttribute',
  'ec2:DescribeImages',
  'ec2:DescribeRegions',
  'ec2:DescribeSnapshots',
  'ec2:GetEbsDefaultKmsKeyId',
  'ec2:GetEbsEncryptionByDefault',
  'iam:GetAccountAuthorizationDetails',
  'imagebuilder:GetDistributionConfiguration',
  'imagebuilder:GetImageRecipe',
  'imagebuilder:ListDistributionConfigurations',
  'imagebuilder:ListImageBuildVersions',
  'imagebuilder:ListImagePipelines',
  'imagebuilder:ListImageRecipes',
  'imagebuilder:ListImages',
  'kms:DescribeKey',
  'kms:GetKeyPolicy',
  'kms:ListAliases',
  'kms:ListGrants',
  'kms:ListKeys',
] as const;

/** Read in the management or delegated administrator account: the organization's structure. */
export const ORGANIZATION_READ_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:ListAccountsForParent',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListRoots',
] as const;

/** Every read-only action the live source calls, sorted. */
export const INVENTORY_READ_ACTIONS: readonly string[] = [
  ...MEMBER_ACCOUNT_READ_ACTIONS,
  ...ORGANIZATION_READ_ACTIONS,
].sort();

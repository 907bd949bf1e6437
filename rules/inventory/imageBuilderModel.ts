import { z } from 'zod';
import { accountIdSchema, arnSchema, regionSchema } from './patterns';

/**
 * EC2 Image Builder resources in the API's camelCase shape (`@aws-sdk/client-imagebuilder`),
 * normalised to the fields the rules read. Config items (CloudFormation PascalCase) are converted
 * into the same objects by `fromConfigurationItem`.
 */
export const LaunchPermissionConfigurationSchema = z.strictObject({
  userIds: z.array(accountIdSchema).optional(),
  /** `all` = public. */
  userGroups: z.array(z.string()).optional(),
  organizationArns: z.array(arnSchema).optional(),
  organizationalUnitArns: z.array(arnSchema).optional(),
});
export type LaunchPermissionConfiguration = z.infer<typeof LaunchPermissionConfigurationSchema>;

export const AmiDistributionConfigurationSchema = z.strictObject({
  name: z.string().optional(),
  /** A key ARN, key id, alias name or alias ARN, as configured. */
  kmsKeyId: z.string().optional(),
  targetAccountIds: z.array(accountIdSchema).optional(),
  launchPermission: LaunchPermissionConfigurationSchema.optional(),
});
export type AmiDistributionConfiguration = z.infer<typeof AmiDistributionConfigurationSchema>;

export const LaunchTemplateConfigurationSchema = z.strictObject({
  launchTemplateId: z.string(),
  accountId: accountIdSchema.optional(),
  setDefaultVersion: z.boolean().optional(),
});

export const DistributionSchema = z.strictObject({
  region: regionSchema,
  amiDistributionConfiguration: AmiDistributionConfigurationSchema.optional(),
  launchTemplateConfigurations: z.array(LaunchTemplateConfigurationSchema).optional(),
});
export type Distribution = z.infer<typeof DistributionSchema>;

export const DistributionConfigurationSchema = z.strictObject({
  arn: arnSchema,
  name: z.string(),
  distributions: z.array(DistributionSchema),
});
export type DistributionConfiguration = z.infer<typeof DistributionConfigurationSchema>;

export const RecipeBlockDeviceMappingSchema = z.strictObject({
  deviceName: z.string().optional(),
  ebs: z
    .strictObject({
      encrypted: z.boolean().optional(),
      kmsKeyId: z.string().optional(),
      snapshotId: z.string().optional(),
      volumeSize: z.number().optional(),
    })
    .optional(),
  noDevice: z.string().optional(),
});
export type RecipeBlockDeviceMapping = z.infer<typeof RecipeBlockDeviceMappingSchema>;

export const ImageRecipeSchema = z.strictObject({
  arn: arnSchema,
  name: z.string(),
  version: z.string(),
  /** An AMI id, an Image Builder image ARN, `ssm:<parameter>` or a Marketplace product id. */
  parentImage: z.string(),
  blockDeviceMappings: z.array(RecipeBlockDeviceMappingSchema),
});
export type ImageRecipe = z.infer<typeof ImageRecipeSchema>;

export const ImagePipelineSchema = z.strictObject({
  arn: arnSchema,
  name: z.string(),
  imageRecipeArn: arnSchema.optional(),
  containerRecipeArn: arnSchema.optional(),
  distributionConfigurationArn: arnSchema.optional(),
  infrastructureConfigurationArn: arnSchema.optional(),
  status: z.string().optional(),
});
export type ImagePipeline = z.infer<typeof ImagePipelineSchema>;

/** An Image Builder image (build output): its ARN and the AMIs it produced, for parent-image resolution. */
export const ImageBuilderImageSchema = z.strictObject({
  arn: arnSchema,
  name: z.string().optional(),
  version: z.string().optional(),
  outputAmis: z.array(
    z.strictObject({
      region: regionSchema,
      imageId: z.string(),
      accountId: accountIdSchema.optional(),
    }),
  ),
});
export type ImageBuilderImage = z.infer<typeof ImageBuilderImageSchema>;

export const ImageBuilderFactsSchema = z.strictObject({
  distributionConfigurations: z.array(DistributionConfigurationSchema),
  imageRecipes: z.array(ImageRecipeSchema),
  imagePipelines: z.array(ImagePipelineSchema),
  images: z.array(ImageBuilderImageSchema),
});
export type ImageBuilderFacts = z.infer<typeof ImageBuilderFactsSchema>;

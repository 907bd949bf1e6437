import { z } from 'zod';
import type { ConfigurationItem } from '../core/configEvent';
import { InvalidInputError } from '../core/errors';
import { invalidInputFromZod } from '../core/zodIssues';
import { known, unknown } from './fact';
import type { DistributionConfiguration, ImagePipeline, ImageRecipe } from './imageBuilderModel';
import type { Key } from './model';

/**
 * Converters from AWS Config configuration items to the same model objects the live API path
 * produces. Image Builder items use the CloudFormation PascalCase names; `AWS::KMS::Key` items use
 * the KMS API's camelCase with the key policy in `supplementaryConfiguration.Policy`.
 */

const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const strings = z.array(z.string()).nullish();

const cfnDistributionConfiguration = z.looseObject({
  Arn: z.string().optional(),
  Name: z.string(),
  Distributions: z.array(
    z.looseObject({
      Region: z.string(),
      AmiDistributionConfiguration: z
        .looseObject({
          Name: z.string().nullish(),
          KmsKeyId: z.string().nullish(),
          TargetAccountIds: strings,
          LaunchPermissionConfiguration: z
            .looseObject({
              UserIds: strings,
              UserGroups: strings,
              OrganizationArns: strings,
              OrganizationalUnitArns: strings,
            })
            .nullish(),
        })
        .nullish(),
      LaunchTemplateConfigurations: z
        .array(
          z.looseObject({
            LaunchTemplateId: z.string(),
            AccountId: z.string().nullish(),
            SetDefaultVersion: bool.nullish(),
          }),
        )
        .nullish(),
    }),
  ),
});

const cfnImageRecipe = z.looseObject({
  Arn: z.string().optional(),
  Name: z.string(),
  Version: z.string(),
  ParentImage: z.string(),
  BlockDeviceMappings: z
    .array(
      z.looseObject({
        DeviceName: z.string().nullish(),
        NoDevice: z.string().nullish(),
        Ebs: z
          .looseObject({
            Encrypted: bool.nullish(),
            KmsKeyId: z.string().nullish(),
            SnapshotId: z.string().nullish(),
            VolumeSize: z.coerce.number().nullish(),
          })
          .nullish(),
      }),
    )
    .nullish(),
});

const cfnImagePipeline = z.looseObject({
  Arn: z.string().optional(),
  Name: z.string(),
  ImageRecipeArn: z.string().nullish(),
  ContainerRecipeArn: z.string().nullish(),
  DistributionConfigurationArn: z.string().nullish(),
  InfrastructureConfigurationArn: z.string().nullish(),
  Status: z.string().nullish(),
});

const kmsKeyConfiguration = z.looseObject({
  keyId: z.string(),
  arn: z.string(),
  keyManager: z.enum(['AWS', 'CUSTOMER']),
  keyState: z.string(),
  enabled: bool,
  deletionDate: z.union([z.number(), z.string()]).nullish(),
  origin: z.string().nullish(),
  description: z.string().nullish(),
});

/** Drops null/undefined members (Config items carry nulls where the API omits fields). */
function compact<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

function parseConfiguration<S extends z.ZodType>(
  ci: ConfigurationItem,
  expectedType: string,
  schema: S,
): z.infer<S> {
  if (ci.resourceType !== expectedType)
    throw new InvalidInputError(
      'configurationItem.resourceType',
      `expected ${expectedType}, got ${ci.resourceType}`,
    );
  const parsed = schema.safeParse(ci.configuration);
  if (!parsed.success) throw invalidInputFromZod('configurationItem.configuration', parsed.error);
  return parsed.data;
}

export function distributionConfigurationFromConfigurationItem(
  ci: ConfigurationItem,
): DistributionConfiguration {
  const c = parseConfiguration(
    ci,
    'AWS::ImageBuilder::DistributionConfiguration',
    cfnDistributionConfiguration,
  );
  return {
    arn: c.Arn ?? ci.ARN ?? ci.resourceId,
    name: c.Name,
    distributions: c.Distributions.map((d) => {
      const ami = d.AmiDistributionConfiguration;
      const lp = ami?.LaunchPermissionConfiguration;
      return compact({
        region: d.Region,
        amiDistributionConfiguration: ami
          ? compact({
              name: ami.Name,
              kmsKeyId: ami.KmsKeyId,
              targetAccountIds: ami.TargetAccountIds,
              launchPermission: lp
                ? compact({
                    userIds: lp.UserIds,
                    userGroups: lp.UserGroups,
                    organizationArns: lp.OrganizationArns,
                    organizationalUnitArns: lp.OrganizationalUnitArns,
                  })
                : undefined,
            })
          : undefined,
        launchTemplateConfigurations: d.LaunchTemplateConfigurations?.map((l) =>
          compact({
            launchTemplateId: l.LaunchTemplateId,
            accountId: l.AccountId,
            setDefaultVersion: l.SetDefaultVersion,
          }),
        ),
      });
    }),
  };
}

export function imageRecipeFromConfigurationItem(ci: ConfigurationItem): ImageRecipe {
  const c = parseConfiguration(ci, 'AWS::ImageBuilder::ImageRecipe', cfnImageRecipe);
  return {
    arn: c.Arn ?? ci.ARN ?? ci.resourceId,
    name: c.Name,
    version: c.Version,
    parentImage: c.ParentImage,
    blockDeviceMappings: (c.BlockDeviceMappings ?? []).map((m) =>
      compact({
        deviceName: m.DeviceName,
        ebs: m.Ebs
          ? compact({
              encrypted: m.Ebs.Encrypted,
              kmsKeyId: m.Ebs.KmsKeyId,
              snapshotId: m.Ebs.SnapshotId,
              volumeSize: m.Ebs.VolumeSize,
            })
          : undefined,
        noDevice: m.NoDevice,
      }),
    ),
  };
}

export function imagePipelineFromConfigurationItem(ci: ConfigurationItem): ImagePipeline {
  const c = parseConfiguration(ci, 'AWS::ImageBuilder::ImagePipeline', cfnImagePipeline);
  return compact({
    arn: c.Arn ?? ci.ARN ?? ci.resourceId,
    name: c.Name,
    imageRecipeArn: c.ImageRecipeArn,
    containerRecipeArn: c.ContainerRecipeArn,
    distributionConfigurationArn: c.DistributionConfigurationArn,
    infrastructureConfigurationArn: c.InfrastructureConfigurationArn,
    status: c.Status,
  });
}

/**
 * A KMS key from its `AWS::KMS::Key` item. Aliases are not in the item (they are `AWS::KMS::Alias`
 * items): the key has none here. No `supplementaryConfiguration.Policy` gives an unknown policy.
 */
export function keyFromConfigurationItem(ci: ConfigurationItem): Key {
  const c = parseConfiguration(ci, 'AWS::KMS::Key', kmsKeyConfiguration);
  const policy = ci.supplementaryConfiguration?.Policy;
  if (policy !== undefined && policy !== null && typeof policy !== 'string')
    throw new InvalidInputError(
      'configurationItem.supplementaryConfiguration.Policy',
      'expected the key policy as a JSON string',
    );
  const deletionDate =
    c.deletionDate === undefined || c.deletionDate === null
      ? undefined
      : new Date(c.deletionDate).toISOString();
  return {
    keyId: c.keyId,
    arn: c.arn,
    keyManager: c.keyManager,
    keyState: c.keyState,
    enabled: c.enabled,
    ...(deletionDate ? { deletionDate } : {}),
    origin: c.origin ?? 'AWS_KMS',
    ...(c.description ? { description: c.description } : {}),
    aliases: [],
    policy:
      typeof policy === 'string'
        ? known(policy)
        : unknown(
            'NotFound',
            'the configuration item carries no supplementaryConfiguration.Policy',
            'config:GetResourceConfigHistory',
          ),
  };
}

export type ConvertedConfigurationItem =
  | {
      readonly resourceType: 'AWS::ImageBuilder::DistributionConfiguration';
      readonly value: DistributionConfiguration;
    }
  | { readonly resourceType: 'AWS::ImageBuilder::ImageRecipe'; readonly value: ImageRecipe }
  | { readonly resourceType: 'AWS::ImageBuilder::ImagePipeline'; readonly value: ImagePipeline }
  | { readonly resourceType: 'AWS::KMS::Key'; readonly value: Key };

/** Converts a configuration item of a supported type to its model object. */
export function fromConfigurationItem(ci: ConfigurationItem): ConvertedConfigurationItem {
  switch (ci.resourceType) {
    case 'AWS::ImageBuilder::DistributionConfiguration':
      return { resourceType: ci.resourceType, value: distributionConfigurationFromConfigurationItem(ci) };
    case 'AWS::ImageBuilder::ImageRecipe':
      return { resourceType: ci.resourceType, value: imageRecipeFromConfigurationItem(ci) };
    case 'AWS::ImageBuilder::ImagePipeline':
      return { resourceType: ci.resourceType, value: imagePipelineFromConfigurationItem(ci) };
    case 'AWS::KMS::Key':
      return { resourceType: ci.resourceType, value: keyFromConfigurationItem(ci) };
    default:
      throw new InvalidInputError(
        'configurationItem.resourceType',
        `no inventory converter for ${ci.resourceType}`,
      );
  }
}

import type {
  DistributionConfiguration as SdkDistributionConfiguration,
  ImagePipeline as SdkImagePipeline,
  ImageRecipe as SdkImageRecipe,
  ImagebuilderClient,
} from '@aws-sdk/client-imagebuilder';
import {
  GetDistributionConfigurationCommand,
  GetImageRecipeCommand,
  paginateListDistributionConfigurations,
  paginateListImageBuildVersions,
  paginateListImagePipelines,
  paginateListImageRecipes,
  paginateListImages,
} from '@aws-sdk/client-imagebuilder';
import type {
  DistributionConfiguration,
  ImageBuilderFacts,
  ImageBuilderImage,
  ImagePipeline,
  ImageRecipe,
  LaunchPermissionConfiguration,
} from '../imageBuilderModel';

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function launchPermission(
  lp:
    | {
        userIds?: string[];
        userGroups?: string[];
        organizationArns?: string[];
        organizationalUnitArns?: string[];
      }
    | undefined,
): LaunchPermissionConfiguration | undefined {
  if (!lp) return undefined;
  return defined({
    userIds: lp.userIds,
    userGroups: lp.userGroups,
    organizationArns: lp.organizationArns,
    organizationalUnitArns: lp.organizationalUnitArns,
  });
}

/** The model's distribution configuration from the API's (GetDistributionConfiguration). */
export function distributionConfigurationFromApi(
  dc: SdkDistributionConfiguration,
): DistributionConfiguration {
  return {
    arn: dc.arn ?? '',
    name: dc.name ?? '',
    distributions: (dc.distributions ?? []).map((d) =>
      defined({
        region: d.region ?? '',
        amiDistributionConfiguration: d.amiDistributionConfiguration
          ? defined({
              name: d.amiDistributionConfiguration.name,
              kmsKeyId: d.amiDistributionConfiguration.kmsKeyId,
              targetAccountIds: d.amiDistributionConfiguration.targetAccountIds,
              launchPermission: launchPermission(d.amiDistributionConfiguration.launchPermission),
            })
          : undefined,
        launchTemplateConfigurations: d.launchTemplateConfigurations?.map((l) =>
          defined({
            launchTemplateId: l.launchTemplateId ?? '',
            accountId: l.accountId,
            setDefaultVersion: l.setDefaultVersion,
          }),
        ),
      }),
    ),
  };
}

/** The model's image recipe from the API's (GetImageRecipe). */
export function imageRecipeFromApi(r: SdkImageRecipe): ImageRecipe {
  return {
    arn: r.arn ?? '',
    name: r.name ?? '',
    version: r.version ?? '',
    parentImage: r.parentImage ?? '',
    blockDeviceMappings: (r.blockDeviceMappings ?? []).map((m) =>
      defined({
        deviceName: m.deviceName,
        ebs: m.ebs
          ? defined({
              encrypted: m.ebs.encrypted,
              kmsKeyId: m.ebs.kmsKeyId,
              snapshotId: m.ebs.snapshotId,
              volumeSize: m.ebs.volumeSize,
            })
          : undefined,
        noDevice: m.noDevice,
      }),
    ),
  };
}

/** The model's image pipeline from the API's (ListImagePipelines). */
export function imagePipelineFromApi(p: SdkImagePipeline): ImagePipeline {
  return defined({
    arn: p.arn ?? '',
    name: p.name ?? '',
    imageRecipeArn: p.imageRecipeArn,
    containerRecipeArn: p.containerRecipeArn,
    distributionConfigurationArn: p.distributionConfigurationArn,
    infrastructureConfigurationArn: p.infrastructureConfigurationArn,
    status: p.status,
  });
}

/** The account's Image Builder distribution configurations, recipes, pipelines and built images in one Region. */
export async function readImageBuilder(client: ImagebuilderClient): Promise<ImageBuilderFacts> {
  const distributionConfigurations: DistributionConfiguration[] = [];
  for await (const page of paginateListDistributionConfigurations({ client }, {})) {
    for (const summary of page.distributionConfigurationSummaryList ?? []) {
      if (!summary.arn) continue;
      const out = await client.send(
        new GetDistributionConfigurationCommand({ distributionConfigurationArn: summary.arn }),
      );
      if (out.distributionConfiguration)
        distributionConfigurations.push(distributionConfigurationFromApi(out.distributionConfiguration));
    }
  }
  const imageRecipes: ImageRecipe[] = [];
  for await (const page of paginateListImageRecipes({ client }, { owner: 'Self' })) {
    for (const summary of page.imageRecipeSummaryList ?? []) {
      if (!summary.arn) continue;
      const out = await client.send(new GetImageRecipeCommand({ imageRecipeArn: summary.arn }));
      if (out.imageRecipe) imageRecipes.push(imageRecipeFromApi(out.imageRecipe));
    }
  }
  const imagePipelines: ImagePipeline[] = [];
  for await (const page of paginateListImagePipelines({ client }, {})) {
    for (const p of page.imagePipelineList ?? []) imagePipelines.push(imagePipelineFromApi(p));
  }
  const images: ImageBuilderImage[] = [];
  for await (const page of paginateListImages({ client }, { owner: 'Self' })) {
    for (const version of page.imageVersionList ?? []) {
      if (!version.arn) continue;
      for await (const builds of paginateListImageBuildVersions(
        { client },
        { imageVersionArn: version.arn },
      )) {
        for (const s of builds.imageSummaryList ?? []) {
          if (!s.arn) continue;
          images.push(
            defined({
              arn: s.arn,
              name: s.name,
              version: s.version,
              outputAmis: (s.outputResources?.amis ?? [])
                .filter((a) => a.region && a.image)
                .map((a) =>
                  defined({ region: a.region ?? '', imageId: a.image ?? '', accountId: a.accountId }),
                ),
            }),
          );
        }
      }
    }
  }
  return { distributionConfigurations, imageRecipes, imagePipelines, images };
}

import type { JsonObject } from '../rules/core/finding';
import type { ScenarioId } from '../rules/core/ruleMetadata';
import type { Distribution, RecipeBlockDeviceMapping } from '../rules/inventory/imageBuilderModel';
import type { InventoryBuilder, RegionBuilder } from '../test/fixtures/inventory';
import {
  allowGrantsStatement,
  allowUseOfKeyStatement,
  keyPolicy,
  rootDelegationStatement,
} from '../test/fixtures/inventory';
import type { CaseBook, DemoResourceRef } from './demoCases';
import {
  BROKEN_REGION,
  DEMO_ACCOUNTS,
  DISABLED_OPT_IN_REGION,
  ENABLED_OPT_IN_REGION,
  TWIN_REGION,
  demoImageId,
  demoKeyId,
  demoSnapshotId,
  imageBuilderArn,
  keyArn,
} from './demoIds';

const A = DEMO_ACCOUNTS;
const FACTORY = A.imageFactory;
/** Every account image-factory distributes to: its shared keys grant them all. */
const TARGETS = [A.workloadsProd, A.workloadsSandbox, A.analytics, A.dataScience, A.partnerBuilds];

function addKey(r: RegionBuilder, alias: string, statements: readonly JsonObject[]): string {
  const keyId = demoKeyId(`${r.accountId}/${r.region}/${alias}`);
  r.key({ keyId, aliases: [alias], policy: keyPolicy(r.accountId, statements) });
  return keyArn(r.accountId, r.region, keyId);
}

function sharedKeyStatements(owner: string, consumers: readonly string[]): JsonObject[] {
  return [rootDelegationStatement(owner), allowUseOfKeyStatement(consumers), allowGrantsStatement(consumers)];
}

/** An AMI owned by the builder account (not shared), used as a recipe's parent image. */
function parentAmi(r: RegionBuilder, name: string, keys: readonly (string | undefined)[]): string {
  const imageId = demoImageId(`${r.accountId}/${r.region}/${name}`);
  r.image({
    imageId,
    name,
    snapshots: keys.map((key, i) => ({
      snapshotId: demoSnapshotId(`${r.accountId}/${r.region}/${name}/${i}`),
      ...(key ? { key } : {}),
    })),
    tags: { Name: name },
  });
  return imageId;
}

interface PipelineSpec {
  readonly scenario: ScenarioId;
  readonly kind: 'broken' | 'twin';
  readonly name: string;
  readonly story: string;
  readonly parentImage: string;
  readonly blockDeviceMappings: RecipeBlockDeviceMapping[];
  readonly distributions: Distribution[];
}

/** A recipe, a distribution configuration and the pipeline joining them; recorded in the case book. */
function pipeline(r: RegionBuilder, book: CaseBook, spec: PipelineSpec): void {
  const recipeArn = imageBuilderArn(r.accountId, r.region, 'image-recipe', `${spec.name}-recipe`);
  const distArn = imageBuilderArn(
    r.accountId,
    r.region,
    'distribution-configuration',
    `${spec.name}-distribution`,
  );
  const pipelineArn = imageBuilderArn(r.accountId, r.region, 'image-pipeline', spec.name);
  r.imageRecipe({
    arn: recipeArn,
    name: `${spec.name}-recipe`,
    version: '1.0.0',
    parentImage: spec.parentImage,
    blockDeviceMappings: spec.blockDeviceMappings,
  });
  r.distributionConfiguration({
    arn: distArn,
    name: `${spec.name}-distribution`,
    distributions: spec.distributions,
  });
  r.imagePipeline({
    arn: pipelineArn,
    name: spec.name,
    imageRecipeArn: recipeArn,
    distributionConfigurationArn: distArn,
    infrastructureConfigurationArn: imageBuilderArn(
      r.accountId,
      r.region,
      'image-pipeline',
      'shared-infrastructure',
    ).replace('image-pipeline', 'infrastructure-configuration'),
    status: 'ENABLED',
  });
  const refs: DemoResourceRef[] = [
    {
      label: `pipeline ${spec.name}`,
      ids: [pipelineArn, spec.name],
      accountId: r.accountId,
      region: r.region,
    },
    {
      label: `recipe ${spec.name}-recipe`,
      ids: [recipeArn, `${spec.name}-recipe`],
      accountId: r.accountId,
      region: r.region,
    },
    {
      label: `distribution ${spec.name}-distribution`,
      ids: [distArn, `${spec.name}-distribution`],
      accountId: r.accountId,
      region: r.region,
    },
  ];
  for (const ref of refs) book[spec.kind](spec.scenario, spec.story, ref);
}

function encryptedRoot(kmsKeyId: string): RecipeBlockDeviceMapping[] {
  return [{ deviceName: '/dev/xvda', ebs: { encrypted: true, kmsKeyId, volumeSize: 8 } }];
}

function toTargets(region: string, targetAccountIds: readonly string[], kmsKeyId?: string): Distribution {
  return {
    region,
    amiDistributionConfiguration: {
      name: 'golden-{{imagebuilder:buildDate}}',
      targetAccountIds: [...targetAccountIds],
      ...(kmsKeyId ? { kmsKeyId } : {}),
    },
  };
}

/** The cross-account distribution role of a target account, with one part optionally broken. */
function distributionRole(
  org: InventoryBuilder,
  accountId: string,
  options: { trusted: readonly string[]; managedPolicy?: boolean; kmsInlinePolicy?: boolean },
): void {
  org.account(accountId, (a) =>
    a.crossAccountDistributionRole({
      sourceAccountIds: options.trusted,
      ...(options.managedPolicy === false ? { managedPolicy: false } : {}),
      ...(options.kmsInlinePolicy === false ? { kmsInlinePolicy: false } : {}),
    }),
  );
}

/**
 * Image Builder scenarios (seed 004): pipelines of image-factory in eu-west-1 (broken) and us-east-1
 * (fixed twins), the D5 pair in legacy-builds, and the target accounts' distribution roles.
 */
export function addImageBuilderCases(org: InventoryBuilder, book: CaseBook): void {
  // Target accounts: workloads-prod is set up as the article says; each other one misses one part.
  distributionRole(org, A.workloadsProd, { trusted: [FACTORY, A.legacyBuilds] });
  // workloads-sandbox has no EC2ImageBuilderDistributionCrossAccountRole at all (D7).
  distributionRole(org, A.analytics, { trusted: [FACTORY], managedPolicy: false }); // D8
  distributionRole(org, A.dataScience, { trusted: [A.management] }); // D9
  distributionRole(org, A.partnerBuilds, { trusted: [FACTORY], kmsInlinePolicy: false }); // D11
  for (const id of [A.analytics, A.dataScience, A.partnerBuilds])
    org.account(id, (a) => a.region(BROKEN_REGION));
  org.account(A.workloadsProd, (a) =>
    a
      .region(ENABLED_OPT_IN_REGION)
      .regionOptIn(ENABLED_OPT_IN_REGION, 'ENABLED')
      .regionOptIn(DISABLED_OPT_IN_REGION, 'DISABLED'),
  );
  org.account(FACTORY, (a) =>
    a.regionOptIn(ENABLED_OPT_IN_REGION, 'ENABLED').regionOptIn(DISABLED_OPT_IN_REGION, 'ENABLED'),
  );

  for (const kind of ['broken', 'twin'] as const) {
    const region = kind === 'broken' ? BROKEN_REGION : TWIN_REGION;
    org.account(FACTORY, (a) =>
      a.region(region, (r) => {
        const shared = addKey(r, 'alias/ib-shared', sharedKeyStatements(FACTORY, TARGETS));
        const base = parentAmi(r, 'ib-base-parent', [undefined]);
        const std = (
          name: string,
          scenario: ScenarioId,
          story: string,
          override: Partial<PipelineSpec> = {},
        ) =>
          pipeline(r, book, {
            scenario,
            kind,
            name,
            story,
            parentImage: base,
            blockDeviceMappings: encryptedRoot(shared),
            distributions: [toTargets(region, [A.workloadsProd], shared)],
            ...override,
          });
        if (kind === 'broken') {
          const awsManaged = r.resolveKeyArn('alias/aws/ebs');
          std(
            'D1-broken-recipe-aws-managed-key',
            'D1',
            "The recipe's storage uses the AWS managed key alias/aws/ebs.",
            {
              blockDeviceMappings: encryptedRoot('alias/aws/ebs'),
            },
          );
          std(
            'D2-broken-distribution-aws-managed-key',
            'D2',
            'The distribution encrypts with the AWS managed key while it has target accounts.',
            {
              distributions: [
                toTargets(region, [A.workloadsProd], `arn:aws:kms:${region}:${FACTORY}:alias/aws/ebs`),
              ],
            },
          );
          std(
            'D3-broken-parent-aws-managed-key',
            'D3',
            "The recipe's parent AMI is encrypted with the AWS managed key.",
            {
              parentImage: parentAmi(r, 'D3-parent-aws-managed-key', [awsManaged]),
              blockDeviceMappings: [],
            },
          );
          std(
            'D4-broken-parent-mixed-snapshots',
            'D4',
            "One of the parent AMI's two snapshots uses the AWS managed key.",
            {
              parentImage: parentAmi(r, 'D4-parent-mixed-snapshots', [shared, awsManaged]),
              blockDeviceMappings: [],
            },
          );
          const noSlr = addKey(r, 'alias/D6-broken-no-slr-access', [
            {
              Sid: 'Allow access for Key Administrators',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${FACTORY}:role/KeyAdmin` },
              Action: [
                'kms:Create*',
                'kms:Describe*',
                'kms:Enable*',
                'kms:List*',
                'kms:Put*',
                'kms:Update*',
                'kms:Revoke*',
                'kms:Disable*',
                'kms:Get*',
                'kms:Delete*',
                'kms:ScheduleKeyDeletion',
                'kms:CancelKeyDeletion',
              ],
              Resource: '*',
            },
            allowUseOfKeyStatement([A.workloadsProd]),
            allowGrantsStatement([A.workloadsProd]),
          ]);
          std(
            'D6-broken-key-without-slr',
            'D6',
            'A launch-permission distribution whose key policy has neither the root delegation nor a statement for AWSServiceRoleForImageBuilder.',
            {
              distributions: [
                {
                  region,
                  amiDistributionConfiguration: {
                    name: 'golden-{{imagebuilder:buildDate}}',
                    kmsKeyId: noSlr,
                    launchPermission: { userIds: [A.workloadsProd] },
                  },
                },
              ],
            },
          );
          std(
            'D7-broken-no-role',
            'D7',
            'Target account workloads-sandbox has no EC2ImageBuilderDistributionCrossAccountRole.',
            {
              distributions: [toTargets(region, [A.workloadsSandbox], shared)],
            },
          );
          std(
            'D8-broken-no-managed-policy',
            'D8',
            'The role in analytics lacks Ec2ImageBuilderCrossAccountDistributionAccess.',
            {
              distributions: [toTargets(region, [A.analytics], shared)],
            },
          );
          std('D9-broken-trust-policy', 'D9', 'The role in data-science does not trust image-factory.', {
            distributions: [toTargets(region, [A.dataScience], shared)],
          });
          std(
            'D10-broken-opt-in-region',
            'D10',
            `The distribution targets ${DISABLED_OPT_IN_REGION}, not enabled in workloads-prod.`,
            {
              blockDeviceMappings: [],
              distributions: [{ region }, toTargets(DISABLED_OPT_IN_REGION, [A.workloadsProd])],
            },
          );
          std(
            'D11-broken-role-without-kms',
            'D11',
            'The role in partner-builds has no KMS permission for the distribution and recipe keys.',
            {
              distributions: [toTargets(region, [A.partnerBuilds], shared)],
            },
          );
          const notShared = addKey(r, 'alias/D12-broken-not-shared', [rootDelegationStatement(FACTORY)]);
          std(
            'D12-broken-key-not-shared',
            'D12',
            'The distribution key of image-factory does not grant the target account workloads-prod.',
            {
              distributions: [toTargets(region, [A.workloadsProd], notShared)],
            },
          );
        } else {
          std(
            'D1-twin-recipe-customer-key',
            'D1',
            "Fixed: the recipe's storage uses a customer managed key shared with the targets.",
          );
          std(
            'D2-twin-distribution-customer-key',
            'D2',
            'Fixed: the distribution encrypts with a shared customer managed key.',
          );
          std('D3-twin-parent-customer-key', 'D3', 'Fixed: the parent AMI uses a customer managed key.', {
            parentImage: parentAmi(r, 'D3-parent-twin-customer-key', [shared]),
            blockDeviceMappings: [],
          });
          std(
            'D4-twin-parent-customer-snapshots',
            'D4',
            "Fixed: both of the parent AMI's snapshots use a customer managed key.",
            {
              parentImage: parentAmi(r, 'D4-parent-twin-customer-snapshots', [shared, shared]),
              blockDeviceMappings: [],
            },
          );
          const withRoot = addKey(
            r,
            'alias/D6-twin-slr-allowed',
            sharedKeyStatements(FACTORY, [A.workloadsProd]),
          );
          std(
            'D6-twin-key-with-root-delegation',
            'D6',
            'Fixed: the key policy keeps the root kms:* delegation, so the Image Builder role can use it.',
            {
              distributions: [
                {
                  region,
                  amiDistributionConfiguration: {
                    name: 'golden-{{imagebuilder:buildDate}}',
                    kmsKeyId: withRoot,
                    launchPermission: { userIds: [A.workloadsProd] },
                  },
                },
              ],
            },
          );
          std('D7-twin-role-exists', 'D7', 'Fixed: workloads-prod has the cross-account distribution role.');
          std(
            'D8-twin-managed-policy-attached',
            'D8',
            'Fixed: the role has Ec2ImageBuilderCrossAccountDistributionAccess attached.',
          );
          std('D9-twin-trusts-source', 'D9', 'Fixed: the role trusts image-factory.');
          std(
            'D10-twin-enabled-opt-in-region',
            'D10',
            `Fixed: the distribution targets ${ENABLED_OPT_IN_REGION}, enabled in workloads-prod.`,
            {
              blockDeviceMappings: [],
              distributions: [{ region }, toTargets(ENABLED_OPT_IN_REGION, [A.workloadsProd])],
            },
          );
          std('D11-twin-role-with-kms', 'D11', 'Fixed: the role has the KMS inline policy.');
          const sharedBack = addKey(
            r,
            'alias/D12-twin-shared',
            sharedKeyStatements(FACTORY, [A.workloadsProd]),
          );
          std('D12-twin-key-shared', 'D12', 'Fixed: the distribution key grants workloads-prod.', {
            distributions: [toTargets(region, [A.workloadsProd], sharedBack)],
          });
        }
      }),
    );
  }

  // D5: legacy-builds has EBS encryption by default with the AWS managed key in eu-west-1 (broken),
  // and with a shared customer managed key in us-east-1 (the twin). Each Region runs a pipeline to workloads-prod.
  for (const kind of ['broken', 'twin'] as const) {
    const region = kind === 'broken' ? BROKEN_REGION : TWIN_REGION;
    org.account(A.legacyBuilds, (a) =>
      a.region(region, (r) => {
        r.awsManagedEbsKey(demoKeyId(`${A.legacyBuilds}/${region}/aws-ebs`));
        if (kind === 'broken') r.ebsDefault({ enabled: true, key: 'alias/aws/ebs' });
        else {
          const ebsKey = addKey(
            r,
            'alias/ebs-default-shared',
            sharedKeyStatements(A.legacyBuilds, [A.workloadsProd]),
          );
          r.ebsDefault({ enabled: true, key: ebsKey });
        }
        const base = parentAmi(r, 'legacy-base-parent', [undefined]);
        const name =
          kind === 'broken' ? 'D5-broken-ebs-default-aws-managed' : 'D5-twin-ebs-default-customer-key';
        const story =
          kind === 'broken'
            ? 'EBS encryption by default uses alias/aws/ebs in legacy-builds/eu-west-1, so the images built there cannot be shared.'
            : "Fixed: the Region's default EBS key is a customer managed key shared with the targets.";
        pipeline(r, book, {
          scenario: 'D5',
          kind,
          name,
          story,
          parentImage: base,
          blockDeviceMappings: [],
          distributions: [toTargets(region, [A.workloadsProd])],
        });
        book[kind]('D5', story, {
          label: `account legacy-builds in ${region} (EBS default key)`,
          ids: [A.legacyBuilds],
          accountId: A.legacyBuilds,
          region,
        });
      }),
    );
  }
}

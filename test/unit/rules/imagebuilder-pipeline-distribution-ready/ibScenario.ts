import type { JsonObject } from '../../../../rules/core/finding';
import type { RegionOptStatus } from '../../../../rules/inventory/model';
import type { Inventory } from '../../../../rules/inventory/model';
import type { EvaluationScope } from '../../../../rules/kit/inventoryRule';
import {
  allowGrantsStatement,
  allowUseOfKeyStatement,
  inventory,
  rootDelegationStatement,
} from '../../../fixtures/inventory';
import type { RegionBuilder } from '../../../fixtures/inventory';

/**
 * One Image Builder setup, as seed article 004 describes it, that every D scenario breaks in one
 * place: source account 111111111111 builds in eu-west-1 and distributes to 222222222222.
 * The defaults are the fixed (COMPLIANT) setup.
 */
export const SOURCE = '111111111111';
export const TARGET = '222222222222';
export const REGION = 'eu-west-1';
export const SOURCE_KEY_ID = '1111aaaa-0000-4000-8000-000000000001';
export const DIST_KEY_ID = '1111aaaa-0000-4000-8000-000000000002';
export const TARGET_KEY_ID = '2222bbbb-0000-4000-8000-000000000003';
export const AWS_EBS_KEY_ID = '1111aaaa-0000-4000-8000-0000000000eb';
export const SOURCE_KEY_ARN = `arn:aws:kms:${REGION}:${SOURCE}:key/${SOURCE_KEY_ID}`;
export const DIST_KEY_ARN = `arn:aws:kms:${REGION}:${SOURCE}:key/${DIST_KEY_ID}`;
export const TARGET_KEY_ARN = `arn:aws:kms:${REGION}:${TARGET}:key/${TARGET_KEY_ID}`;
export const AWS_EBS_KEY_ARN = `arn:aws:kms:${REGION}:${SOURCE}:key/${AWS_EBS_KEY_ID}`;
export const PARENT_AMI = 'ami-0a0a0a0a0a0a0a0a0';
export const RECIPE_ARN = `arn:aws:imagebuilder:${REGION}:${SOURCE}:image-recipe/golden/1.0.0`;
export const DC_ARN = `arn:aws:imagebuilder:${REGION}:${SOURCE}:distribution-configuration/golden`;
export const PIPELINE_ARN = `arn:aws:imagebuilder:${REGION}:${SOURCE}:image-pipeline/golden`;
export const SLR_ARN = `arn:aws:iam::${SOURCE}:role/aws-service-role/imagebuilder.amazonaws.com/AWSServiceRoleForImageBuilder`;

export type KeyChoice = 'cmk' | 'aws-managed';

export interface IbScenario {
  /** The recipe's block device key: the source CMK, the AWS managed key, or `encrypted` with no key. */
  readonly recipeKey?: KeyChoice | 'default-key' | 'none';
  /** Keys of the parent AMI's snapshots (one entry per snapshot). */
  readonly parentSnapshots?: readonly (KeyChoice | 'unencrypted')[];
  readonly ebsDefault?: { readonly enabled: boolean; readonly key: KeyChoice };
  /** The distribution's kmsKeyId: a source CMK, the AWS managed key (alias ARN), a target-owned key, or none. */
  readonly distKey?: KeyChoice | 'target-owned' | 'alias-aws-ebs' | 'none';
  readonly distKeyState?: string;
  /** The distribution key's policy could not be read. */
  readonly distKeyPolicyUnreadable?: boolean;
  /** Statements of the source CMKs' policies (recipe key and distribution key). */
  readonly sourceKeyStatements?: readonly JsonObject[];
  /** Statements of the target-owned key's policy. */
  readonly targetKeyStatements?: readonly JsonObject[];
  readonly launchPermission?: boolean;
  readonly targetAccountIds?: readonly string[];
  readonly role?: {
    readonly exists?: boolean;
    readonly managedPolicy?: boolean;
    readonly kmsInlinePolicy?: boolean;
    readonly trustedAccountIds?: readonly string[];
  };
  readonly targetRegionOptIn?: RegionOptStatus;
  /** The target account's facts are not in the inventory (single-account mode). */
  readonly targetUnread?: boolean;
  readonly targetRolesUnknown?: boolean;
  /** Extra configuration of the source Region. */
  readonly source?: (r: RegionBuilder) => void;
}

/** The source CMK policy of the fixed setup: root delegation, shared with the target (use + grants). */
export function sharedSourceKeyStatements(accounts: readonly string[] = [TARGET]): JsonObject[] {
  return [rootDelegationStatement(SOURCE), allowUseOfKeyStatement(accounts), allowGrantsStatement(accounts)];
}

export function buildScenario(s: IbScenario = {}): Inventory {
  const sourceStatements = s.sourceKeyStatements ?? sharedSourceKeyStatements();
  const sourcePolicy = JSON.stringify({ Version: '2012-10-17', Statement: sourceStatements });
  const targetPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: s.targetKeyStatements ?? [
      rootDelegationStatement(TARGET),
      allowUseOfKeyStatement([SOURCE]),
      allowGrantsStatement([SOURCE]),
    ],
  });
  const recipeKey = s.recipeKey ?? 'cmk';
  const distKey = s.distKey ?? 'cmk';
  const parentSnapshots = s.parentSnapshots ?? ['cmk'];
  const targets = s.targetAccountIds ?? [TARGET];
  const role = s.role ?? {};
  const keyArnFor = (k: KeyChoice) => (k === 'cmk' ? SOURCE_KEY_ARN : AWS_EBS_KEY_ARN);

  const builder = inventory().account(SOURCE, (a) =>
    a.region(REGION, (r) => {
      r.key({ keyId: SOURCE_KEY_ID, aliases: ['alias/golden'], policy: sourcePolicy })
        .key({
          keyId: DIST_KEY_ID,
          aliases: ['alias/golden-dist'],
          policy: s.distKeyPolicyUnreadable
            ? { status: 'unknown', reason: { code: 'AccessDenied', message: 'kms:GetKeyPolicy denied' } }
            : sourcePolicy,
          ...(s.distKeyState ? { keyState: s.distKeyState } : {}),
        })
        .awsManagedEbsKey(AWS_EBS_KEY_ID)
        .image({
          imageId: PARENT_AMI,
          snapshots: parentSnapshots.map((k) => (k === 'unencrypted' ? {} : { key: keyArnFor(k) })),
        });
      if (s.ebsDefault) {
        r.ebsDefault({
          enabled: s.ebsDefault.enabled,
          key: s.ebsDefault.key === 'cmk' ? SOURCE_KEY_ARN : 'alias/aws/ebs',
          resolvedKeyArn: keyArnFor(s.ebsDefault.key),
        });
      } else {
        r.ebsDefault({ enabled: false, key: 'alias/aws/ebs', resolvedKeyArn: AWS_EBS_KEY_ARN });
      }
      r.imageRecipe({
        arn: RECIPE_ARN,
        name: 'golden',
        version: '1.0.0',
        parentImage: PARENT_AMI,
        blockDeviceMappings:
          recipeKey === 'none'
            ? []
            : [
                {
                  deviceName: '/dev/xvda',
                  ebs:
                    recipeKey === 'default-key'
                      ? { encrypted: true, volumeSize: 30 }
                      : { encrypted: true, kmsKeyId: keyArnFor(recipeKey), volumeSize: 30 },
                },
              ],
      });
      const kmsKeyId =
        distKey === 'cmk'
          ? DIST_KEY_ARN
          : distKey === 'aws-managed'
            ? AWS_EBS_KEY_ARN
            : distKey === 'alias-aws-ebs'
              ? `arn:aws:kms:${REGION}:${SOURCE}:alias/aws/ebs`
              : distKey === 'target-owned'
                ? TARGET_KEY_ARN
                : undefined;
      r.distributionConfiguration({
        arn: DC_ARN,
        name: 'golden',
        distributions: [
          {
            region: REGION,
            amiDistributionConfiguration: {
              name: 'golden-{{ imagebuilder:buildDate }}',
              ...(kmsKeyId ? { kmsKeyId } : {}),
              ...(targets.length > 0 ? { targetAccountIds: [...targets] } : {}),
              ...(s.launchPermission ? { launchPermission: { userIds: ['333333333333'] } } : {}),
            },
          },
        ],
      });
      r.imagePipeline({
        arn: PIPELINE_ARN,
        name: 'golden',
        imageRecipeArn: RECIPE_ARN,
        distributionConfigurationArn: DC_ARN,
        status: 'ENABLED',
      });
      s.source?.(r);
    }),
  );
  if (!s.targetUnread) {
    builder.account(TARGET, (a) => {
      if (role.exists !== false) {
        a.crossAccountDistributionRole({
          sourceAccountIds: role.trustedAccountIds ?? [SOURCE],
          managedPolicy: role.managedPolicy ?? true,
          kmsInlinePolicy: role.kmsInlinePolicy ?? true,
        });
      }
      if (s.targetRegionOptIn) a.regionOptIn(REGION, s.targetRegionOptIn);
      if (s.targetRolesUnknown) a.unknown('roles');
      a.region(REGION, (r) =>
        r.key({ keyId: TARGET_KEY_ID, aliases: ['alias/target-dist'], policy: targetPolicy }),
      );
    });
  }
  return builder.build();
}

export const periodicScope: EvaluationScope = { accountId: SOURCE, region: REGION };

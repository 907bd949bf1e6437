import type { ScenarioId } from '../core/ruleMetadata';
import { ebsDefaultKey } from '../ebs-default-key-shareable/ebsDefaultKey';
import type { EbsDefaultKey } from '../ebs-default-key-shareable/ebsDefaultKey';
import type { SharingOptions } from '../imagebuilder-distribution-key-shareable/checkDistribution';
import { isExcludedKey } from '../imagebuilder-distribution-key-shareable/checkDistribution';
import { keyReferenceProblems, keySubject } from '../imagebuilder-distribution-key-shareable/keyProblems';
import type { Problem, ProblemSubject } from '../imagebuilder-distribution-key-shareable/problem';
import { FACT_UNREADABLE, shortKey } from '../imagebuilder-distribution-key-shareable/problem';
import { keyUsable, resolveKmsKey } from '../imagebuilder-distribution-key-shareable/resolveKmsKey';
import type { ImageRecipe } from '../inventory/imageBuilderModel';
import { findKey, imageSnapshots } from '../inventory/lookup';
import type { Inventory, Key } from '../inventory/model';
import type { ParentImage } from './resolveParentImage';
import { resolveParentImage } from './resolveParentImage';

export const IMAGE_RECIPE = 'AWS::ImageBuilder::ImageRecipe';

export interface RecipeCheck {
  readonly problems: Problem[];
  /** Usable customer managed keys the built AMI's snapshots will use (for the sharing checks). */
  readonly imageKeys: Key[];
}

interface Ctx {
  readonly inventory: Inventory;
  readonly accountId: string;
  readonly region: string;
  readonly recipe: ImageRecipe;
  readonly subject: ProblemSubject;
  readonly options: SharingOptions;
  readonly problems: Problem[];
  readonly keys: Map<string, Key>;
  readonly defaultKey: EbsDefaultKey;
}

function addKey(ctx: Ctx, key: Key): void {
  if (!isExcludedKey(key.arn, key, ctx.options)) ctx.keys.set(key.arn, key);
}

function defaultKeyFix(ctx: Ctx, device: string) {
  return {
    summary: `Give ${device} of recipe ${ctx.recipe.name} a customer managed kmsKeyId, or make a customer managed key the EBS default in ${ctx.region}.`,
    steps: [
      `New recipe version: BlockDeviceMappings[${device}].Ebs.KmsKeyId = a customer managed key shared with the target accounts.`,
      `Or: aws ec2 modify-ebs-default-kms-key-id --kms-key-id <customer managed key ARN> --region ${ctx.region}`,
    ],
  };
}

/**
 * A volume that gets the Region's default EBS key: reports D5 (with D1 when the recipe asked for
 * encryption without a key) when that default is the AWS managed key.
 */
function usesDefaultKey(ctx: Ctx, device: string, scenarios: readonly ScenarioId[], how: string): void {
  const d = ctx.defaultKey;
  if (d.kind === 'unreadable') {
    ctx.problems.push({
      code: FACT_UNREADABLE,
      message: `Cannot tell which key ${device} of recipe ${ctx.recipe.name} gets: ${d.why}.`,
      scenarios: [],
      subject: ctx.subject,
    });
    return;
  }
  if (d.kind === 'aws-managed') {
    ctx.problems.push({
      code: scenarios.includes('D1')
        ? 'RECIPE_ENCRYPTS_WITH_AWS_MANAGED_DEFAULT_KEY'
        : 'DEFAULT_EBS_KEY_IS_AWS_MANAGED',
      message: `${device} of recipe ${ctx.recipe.name} ${how}: the ${ctx.region} EBS default key is the AWS managed key, which cannot be shared.`,
      scenarios,
      subject: ctx.subject,
      fix: defaultKeyFix(ctx, device),
    });
    return;
  }
  if (d.kind === 'missing') {
    ctx.problems.push({
      code: 'KEY_NOT_FOUND',
      message: `${device} of recipe ${ctx.recipe.name} ${how}, but the EBS default key ${shortKey(d.ref)} does not exist.`,
      scenarios: ['G2'],
      subject: ctx.subject,
      fix: defaultKeyFix(ctx, device),
    });
    return;
  }
  if (!keyUsable(d.key)) {
    ctx.problems.push({
      code: 'KEY_NOT_USABLE',
      message: `${device} of recipe ${ctx.recipe.name} ${how}, but the EBS default key ${shortKey(d.key.arn)} is ${d.key.keyState}.`,
      scenarios: ['G2'],
      subject: keySubject(d.key),
    });
    return;
  }
  addKey(ctx, d.key);
}

/** Device names of the parent AMI (their volumes come from its snapshots, handled by `checkParent`). */
function parentDevices(parent: ParentImage): Set<string> {
  if (parent.kind === 'owned' || parent.kind === 'shared') {
    return new Set(parent.image.blockDeviceMappings.map((m) => m.deviceName));
  }
  return new Set();
}

function checkMappings(ctx: Ctx, fromParent: ReadonlySet<string>): Set<string> {
  const pinned = new Set<string>();
  for (const mapping of ctx.recipe.blockDeviceMappings) {
    const ebs = mapping.ebs;
    if (!ebs || mapping.noDevice !== undefined) continue;
    const device = mapping.deviceName ?? 'a block device';
    if (ebs.kmsKeyId) {
      const resolution = resolveKmsKey(ctx.inventory, ebs.kmsKeyId, ctx);
      const resolved =
        resolution.kind === 'customer' || resolution.kind === 'aws-managed' ? resolution.key : undefined;
      if (isExcludedKey(ebs.kmsKeyId, resolved, ctx.options)) {
        if (mapping.deviceName) pinned.add(mapping.deviceName);
        continue;
      }
      const checked = keyReferenceProblems(
        resolution,
        { what: `the key of ${device}`, accountId: ctx.accountId, region: ctx.region },
        () => ({
          code: 'RECIPE_USES_AWS_MANAGED_KEY',
          message: `${device} of recipe ${ctx.recipe.name} is encrypted with the AWS managed key (${shortKey(ebs.kmsKeyId ?? '')}), which cannot be shared.`,
          scenarios: ['D1'],
          subject: ctx.subject,
          fix: defaultKeyFix(ctx, device),
        }),
      );
      ctx.problems.push(...checked.problems);
      if (checked.key) addKey(ctx, checked.key);
      if (mapping.deviceName) pinned.add(mapping.deviceName);
      continue;
    }
    if (ebs.encrypted === true) {
      usesDefaultKey(ctx, device, ['D1', 'D5'], 'is encrypted with no kmsKeyId');
    } else if (mapping.deviceName !== undefined && fromParent.has(mapping.deviceName)) {
      continue; // the volume comes from the parent's snapshot: checkParent judges it
    } else if (ctx.defaultKey.kind !== 'unreadable' && ctx.defaultKey.enabledByDefault) {
      usesDefaultKey(ctx, device, ['D5'], 'is encrypted by default');
    } else if (ctx.defaultKey.kind === 'unreadable') {
      usesDefaultKey(ctx, device, ['D5'], 'may be encrypted by default');
    }
  }
  return pinned;
}

function parentSubject(ctx: Ctx, imageId: string): ProblemSubject {
  return {
    resourceType: 'AWS::EC2::Image',
    resourceId: imageId,
    accountId: ctx.accountId,
    region: ctx.region,
  };
}

function checkParent(ctx: Ctx, parent: ParentImage, pinned: ReadonlySet<string>): void {
  if (parent.kind === 'public') return;
  if (parent.kind === 'unreadable') {
    ctx.problems.push({
      code: FACT_UNREADABLE,
      message: `Parent image ${parent.reference} of recipe ${ctx.recipe.name} could not be checked: ${parent.why}.`,
      scenarios: [],
      subject: ctx.subject,
    });
    return;
  }
  type Snap = { device: string; encrypted: boolean | 'unknown'; key: Key | undefined; why?: string };
  const snaps: Snap[] = [];
  if (parent.kind === 'owned') {
    for (const s of imageSnapshots(ctx.inventory, parent.region, parent.image)) {
      const device = s.mapping.deviceName;
      if (s.snapshot.status === 'unknown' || !s.snapshot.value) {
        snaps.push({
          device,
          encrypted: 'unknown',
          key: undefined,
          why: `snapshot ${s.mapping.snapshotId} was not read`,
        });
        continue;
      }
      if (!s.snapshot.value.encrypted) {
        snaps.push({ device, encrypted: false, key: undefined });
        continue;
      }
      const key = s.key.status === 'known' ? s.key.value : undefined;
      snaps.push({
        device,
        encrypted: true,
        key,
        ...(key ? {} : { why: `the key of snapshot ${s.mapping.snapshotId} was not read` }),
      });
    }
  } else {
    for (const s of parent.image.snapshots) {
      const device =
        parent.image.blockDeviceMappings.find((m) => m.snapshotId === s.snapshotId)?.deviceName ??
        s.snapshotId;
      if (s.snapshot.status === 'unknown') {
        snaps.push({
          device,
          encrypted: 'unknown',
          key: undefined,
          why: `shared snapshot ${s.snapshotId} unreadable`,
        });
        continue;
      }
      const snap = s.snapshot.value;
      if (!snap.encrypted || !snap.kmsKeyId) {
        snaps.push({ device, encrypted: false, key: undefined });
        continue;
      }
      const key = findKey(ctx.inventory, snap.kmsKeyId);
      const value = key.status === 'known' ? key.value : undefined;
      snaps.push({
        device,
        encrypted: true,
        key: value,
        ...(value ? {} : { why: `key ${shortKey(snap.kmsKeyId)} of ${parent.image.ownerId} was not read` }),
      });
    }
  }
  const subject = parentSubject(ctx, parent.imageId);
  const awsManaged: string[] = [];
  for (const s of snaps) {
    if (pinned.has(s.device)) continue; // the recipe re-encrypts this device with its own key
    if (s.encrypted === 'unknown' || (s.encrypted && !s.key)) {
      ctx.problems.push({
        code: FACT_UNREADABLE,
        message: `Cannot tell the key of ${s.device} of parent ${parent.imageId} (recipe ${ctx.recipe.name}): ${s.why ?? 'unknown'}.`,
        scenarios: [],
        subject,
      });
      continue;
    }
    if (!s.encrypted) {
      if (ctx.defaultKey.kind === 'unreadable' || ctx.defaultKey.enabledByDefault) {
        usesDefaultKey(
          ctx,
          s.device,
          ['D5'],
          `(unencrypted in parent ${parent.imageId}) is encrypted by default`,
        );
      }
      continue;
    }
    const key = s.key as Key;
    if (key.keyManager === 'AWS') awsManaged.push(s.device);
    else if (!isExcludedKey(key.arn, key, ctx.options)) {
      if (keyUsable(key)) addKey(ctx, key);
      else {
        ctx.problems.push({
          code: 'KEY_NOT_USABLE',
          message: `The key ${shortKey(key.arn)} of ${s.device} of parent ${parent.imageId} is ${key.keyState}.`,
          scenarios: ['G2'],
          subject: keySubject(key),
        });
      }
    }
  }
  if (awsManaged.length > 0) {
    const several = snaps.length > 1;
    const scenarios: ScenarioId[] = several
      ? awsManaged.length === snaps.length
        ? ['D3', 'D4']
        : ['D4']
      : ['D3'];
    ctx.problems.push({
      code: 'PARENT_IMAGE_USES_AWS_MANAGED_KEY',
      message: several
        ? `Parent ${parent.imageId} of recipe ${ctx.recipe.name}: ${awsManaged.join(', ')} (of ${snaps.length} snapshots) use the AWS managed key.`
        : `Parent ${parent.imageId} of recipe ${ctx.recipe.name} is encrypted with the AWS managed key, which cannot be shared.`,
      scenarios,
      subject,
      fix: {
        summary: `Copy ${parent.imageId} re-encrypted with a customer managed key and use the copy as the parent image (or pin each device to a customer managed key in the recipe).`,
        steps: [
          `aws ec2 copy-image --source-image-id ${parent.imageId} --source-region ${ctx.region} --region ${ctx.region} --name <name> --encrypted --kms-key-id <customer managed key ARN>`,
          `New recipe version with parentImage = the copy's AMI id.`,
        ],
      },
    });
  }
}

/**
 * Checks one image recipe (rule `imagebuilder-recipe-key-shareable`): no block device uses the AWS
 * managed key, or is encrypted with no key while the Region's default key is the AWS managed key
 * (D1, D5); no volume falls back on an AWS managed default under encryption by default (D5); the
 * parent image, resolved to an AMI, has no snapshot under the AWS managed key (D3, D4).
 */
export function checkImageRecipe(
  inventory: Inventory,
  accountId: string,
  region: string,
  recipe: ImageRecipe,
  options: SharingOptions,
): RecipeCheck {
  const ctx: Ctx = {
    inventory,
    accountId,
    region,
    recipe,
    subject: { resourceType: IMAGE_RECIPE, resourceId: recipe.arn, accountId, region },
    options,
    problems: [],
    keys: new Map(),
    defaultKey: ebsDefaultKey(inventory, accountId, region),
  };
  const parent = resolveParentImage(inventory, accountId, region, recipe.parentImage);
  const pinned = checkMappings(ctx, parentDevices(parent));
  checkParent(ctx, parent, pinned);
  return { problems: ctx.problems, imageKeys: [...ctx.keys.values()] };
}

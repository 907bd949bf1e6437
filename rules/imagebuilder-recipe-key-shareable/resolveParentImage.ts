import type { ImageBuilderImage } from '../inventory/imageBuilderModel';
import { findRegion } from '../inventory/lookup';
import type { Image, Inventory, RegionFacts, SharedImage } from '../inventory/model';

/** What a recipe's `parentImage` resolves to in the recipe's account and Region. */
export type ParentImage =
  /** An AMI the account owns. */
  | { readonly kind: 'owned'; readonly imageId: string; readonly image: Image; readonly region: RegionFacts }
  /** An AMI another account shares with this one. */
  | { readonly kind: 'shared'; readonly imageId: string; readonly image: SharedImage }
  /**
   * Neither owned nor shared with the account: usable only because it is public, and public AMIs
   * cannot have encrypted snapshots (facts §2.1), so it cannot carry the AWS managed key.
   */
  | { readonly kind: 'public'; readonly reference: string; readonly why: string }
  | { readonly kind: 'unreadable'; readonly reference: string; readonly why: string };

const AMI_ID = /^ami-[0-9a-f]+$/;
const IB_IMAGE_ARN =
  /^arn:aws[a-z-]*:imagebuilder:([a-z0-9-]+):(\d{12}|aws):image\/([^/]+)\/([^/]+)(?:\/(\d+))?$/;

function versionParts(v: string | undefined): number[] {
  return (v ?? '').split(/[./]/).map((p) => Number.parseInt(p, 10) || 0);
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The build an image ARN selects: an exact build, or the newest build matching `x` wildcards. */
export function selectImageBuild(
  images: readonly ImageBuilderImage[],
  arn: string,
): ImageBuilderImage | undefined {
  const exact = images.find((i) => i.arn === arn);
  if (exact) return exact;
  const m = IB_IMAGE_ARN.exec(arn);
  if (!m) return undefined;
  const [, , , name, version, build] = m;
  const versionRe = new RegExp(`^${(version ?? '').replace(/\./g, '\\.').replace(/x/g, '\\d+')}$`);
  const prefix = arn.slice(0, arn.indexOf(':image/') + ':image/'.length);
  const candidates = images.filter((i) => {
    const p = IB_IMAGE_ARN.exec(i.arn);
    if (!p || !i.arn.startsWith(prefix) || p[3] !== name) return false;
    return versionRe.test(p[4] ?? '') && (build === undefined || p[5] === build);
  });
  return candidates.sort((a, b) => {
    const pa = IB_IMAGE_ARN.exec(a.arn);
    const pb = IB_IMAGE_ARN.exec(b.arn);
    return compareVersions(
      versionParts(`${pb?.[4]}.${pb?.[5] ?? 0}`),
      versionParts(`${pa?.[4]}.${pa?.[5] ?? 0}`),
    );
  })[0];
}

function resolveAmi(
  inventory: Inventory,
  accountId: string,
  region: string,
  imageId: string,
  reference: string,
): ParentImage {
  const facts = findRegion(inventory, accountId, region);
  if (!facts) return { kind: 'unreadable', reference, why: `${accountId} ${region} was not read` };
  if (facts.images.status === 'unknown') {
    return {
      kind: 'unreadable',
      reference,
      why: `the account's AMIs could not be read (${facts.images.reason.code})`,
    };
  }
  const owned = facts.images.value.find((i) => i.imageId === imageId);
  if (owned) return { kind: 'owned', imageId, image: owned, region: facts };
  if (facts.sharedWithMe.status === 'unknown') {
    return {
      kind: 'unreadable',
      reference,
      why: `the AMIs shared with the account could not be read (${facts.sharedWithMe.reason.code})`,
    };
  }
  const shared = facts.sharedWithMe.value.find((i) => i.imageId === imageId);
  if (shared) return { kind: 'shared', imageId, image: shared };
  return {
    kind: 'public',
    reference,
    why: `${imageId} is neither owned by nor shared with ${accountId}: a public AMI, which cannot be encrypted`,
  };
}

/**
 * Resolves `parentImage` (an AMI id, an Image Builder image ARN, `ssm:<parameter>`, or a
 * Marketplace product id) to the AMI the build starts from, in the recipe's account and Region.
 */
export function resolveParentImage(
  inventory: Inventory,
  accountId: string,
  region: string,
  parentImage: string,
): ParentImage {
  const reference = parentImage;
  if (AMI_ID.test(parentImage)) return resolveAmi(inventory, accountId, region, parentImage, reference);
  const ib = IB_IMAGE_ARN.exec(parentImage);
  if (ib) {
    const owner = ib[2] ?? '';
    if (owner === 'aws') {
      return { kind: 'public', reference, why: 'an AWS managed Image Builder image (a public AMI)' };
    }
    const ownerRegion = ib[1] ?? region;
    const facts = findRegion(inventory, owner, ownerRegion);
    if (!facts)
      return { kind: 'unreadable', reference, why: `the Image Builder images of ${owner} were not read` };
    if (facts.imageBuilder.status === 'unknown') {
      return {
        kind: 'unreadable',
        reference,
        why: `Image Builder images unreadable (${facts.imageBuilder.reason.code})`,
      };
    }
    const build = selectImageBuild(facts.imageBuilder.value.images, parentImage);
    const ami =
      build?.outputAmis.find((a) => a.region === region && (a.accountId ?? owner) === accountId) ??
      build?.outputAmis.find((a) => a.region === region);
    if (!build || !ami)
      return { kind: 'unreadable', reference, why: `no build of it with an AMI in ${region} was found` };
    return resolveAmi(inventory, accountId, region, ami.imageId, reference);
  }
  if (parentImage.startsWith('ssm:')) {
    const name = parentImage.slice('ssm:'.length);
    const facts = findRegion(inventory, accountId, region);
    const value = facts?.ssmParameters?.[name] ?? facts?.ssmParameters?.[parentImage];
    if (!value) {
      return { kind: 'unreadable', reference, why: `SSM parameter ${name} was not read` };
    }
    if (value.status === 'unknown') {
      return {
        kind: 'unreadable',
        reference,
        why: `SSM parameter ${name} unreadable (${value.reason.code})`,
      };
    }
    if (!AMI_ID.test(value.value)) {
      return {
        kind: 'unreadable',
        reference,
        why: `SSM parameter ${name} holds ${value.value}, not an AMI id`,
      };
    }
    return resolveAmi(inventory, accountId, region, value.value, reference);
  }
  return {
    kind: 'unreadable',
    reference,
    why: 'a Marketplace product id (or unknown form) that cannot be resolved to an AMI here',
  };
}

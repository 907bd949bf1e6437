import type { Finding, Fix, Reason } from '../core/finding';
import { findRegion, imageSnapshots } from '../inventory/lookup';
import type { Image, Inventory, RegionFacts } from '../inventory/model';
import type { EvaluationScope } from '../kit/inventoryRule';
import { amiFinding, amiRuleFindings, describeLaunchPermission, sharingOf } from './amiFindings';
import { keyUnusable, lookUpKey } from './keyUsability';
import { matchesTag } from './launchRuleParameters';
import type { SharedAmiUsesCustomerManagedKeyParams } from './metadata';
import { metadata } from './metadata';

interface Problem {
  readonly reason: Reason;
  readonly fix?: Fix;
}

/** The problems of one AMI's snapshots, whatever its sharing. */
function snapshotProblems(
  inventory: Inventory,
  regionFacts: RegionFacts,
  image: Image,
  allowPublic: boolean,
): Problem[] {
  const problems: Problem[] = [];
  let unencrypted = 0;
  for (const { mapping, snapshot, key } of imageSnapshots(inventory, regionFacts, image)) {
    const what = `${image.imageId} ${mapping.snapshotId}`;
    if (snapshot.status === 'unknown') {
      problems.push({
        reason: {
          code: 'FACT_UNREADABLE',
          message: `${what} unreadable (${snapshot.reason.code}${snapshot.reason.api ? `, ${snapshot.reason.api}` : ''}).`,
        },
      });
      continue;
    }
    if (!snapshot.value) {
      problems.push({
        reason: {
          code: 'FACT_UNREADABLE',
          message: `${what} is not among the snapshots ${regionFacts.region} lists for the account.`,
        },
      });
      continue;
    }
    if (!snapshot.value.encrypted || snapshot.value.kmsKeyId === null) {
      unencrypted += 1;
      continue;
    }
    const found = lookUpKey(inventory, snapshot.value.kmsKeyId, key, what);
    if (found.status === 'problem') {
      problems.push(found);
      continue;
    }
    const unusable = keyUnusable(found.key, what);
    if (unusable) problems.push(unusable);
    if (image.public) {
      problems.push({
        reason: {
          code: 'ENCRYPTED_PUBLIC',
          message: `${image.imageId} is public but ${mapping.snapshotId} is encrypted: encrypted AMIs cannot be public.`,
          scenarios: ['G1'],
        },
        fix: {
          summary: `Stop sharing ${image.imageId} publicly; share it with accounts, the organization or OUs.`,
          steps: [
            `aws ec2 modify-image-attribute --image-id ${image.imageId} --launch-permission "Remove=[{Group=all}]"`,
          ],
        },
      });
    }
  }
  if (image.public && !allowPublic && unencrypted > 0 && problems.length === 0) {
    problems.push({
      reason: {
        code: 'PUBLIC_AMI_NOT_ALLOWED',
        message: `${image.imageId} is public (AllowPublicUnencrypted is false).`,
      },
      fix: {
        summary: `Stop sharing ${image.imageId} publicly.`,
        steps: [
          `aws ec2 modify-image-attribute --image-id ${image.imageId} --launch-permission "Remove=[{Group=all}]"`,
        ],
      },
    });
  }
  return problems;
}

function judgeImage(
  inventory: Inventory,
  regionFacts: RegionFacts,
  image: Image,
  params: SharedAmiUsesCustomerManagedKeyParams,
  scope: EvaluationScope,
): Finding | undefined {
  const sharing = sharingOf(image);
  if (sharing !== undefined && sharing.length === 0) return undefined;
  const problems = snapshotProblems(inventory, regionFacts, image, params.allowPublic);
  const sharedWith = sharing?.map(describeLaunchPermission).join(', ');
  if (problems.length === 0) {
    return amiFinding(metadata.id, scope, image, {
      compliance: 'COMPLIANT',
      scenarios: [],
      reasons: [
        {
          code: 'SHAREABLE',
          message: `${image.imageId} is shareable: its snapshots are unencrypted or use enabled customer managed keys.`,
        },
      ],
    });
  }
  const reasons = problems.map((p) => p.reason);
  if (sharing === undefined && image.launchPermissions.status === 'unknown') {
    const lp = image.launchPermissions.reason;
    reasons.unshift({
      code: 'FACT_UNREADABLE',
      message: `Launch permissions of ${image.imageId} unreadable (${lp.code}): cannot tell whether it is shared.`,
    });
  }
  const firstFix = problems.find((p) => p.fix)?.fix;
  const firstUser = sharing?.find((p) => 'userId' in p);
  return amiFinding(metadata.id, scope, image, {
    compliance: 'NON_COMPLIANT',
    scenarios: [...new Set(reasons.flatMap((r) => r.scenarios ?? []))],
    reasons: sharedWith
      ? [...reasons, { code: 'SHARED_WITH', message: `Shared with ${sharedWith}.` }]
      : reasons,
    ...(firstUser && 'userId' in firstUser ? { consumer: firstUser.userId } : {}),
    ...(firstFix ? { fix: firstFix } : {}),
  });
}

/**
 * G1, G2: every shared AMI of the account in the Region has every snapshot unencrypted or
 * encrypted with an enabled customer managed key. Pure.
 */
export function evaluateSharedAmiUsesCustomerManagedKey(
  inventory: Inventory,
  params: SharedAmiUsesCustomerManagedKeyParams,
  scope: EvaluationScope,
): Finding[] {
  const regionFacts = findRegion(inventory, scope.accountId, scope.region);
  const options = { perAmi: params.perAmiEvaluations, noun: 'shared AMIs' };
  if (!regionFacts || regionFacts.images.status === 'unknown') {
    const why = regionFacts?.images.status === 'unknown' ? regionFacts.images.reason.code : 'not collected';
    return amiRuleFindings(metadata.id, scope, [], {
      ...options,
      accountProblems: [
        {
          code: 'FACT_UNREADABLE',
          message: `AMIs of ${scope.accountId}/${scope.region} unreadable (${why}).`,
        },
      ],
    });
  }
  const perAmi = regionFacts.images.value
    .filter((image) => image.state !== 'deregistered' && !matchesTag(image.tags, params.excludeAmiTag))
    .flatMap((image) => judgeImage(inventory, regionFacts, image, params, scope) ?? []);
  return amiRuleFindings(metadata.id, scope, perAmi, options);
}

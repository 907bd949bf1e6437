import type { Finding, Reason } from '../core/finding';
import { findRegion, imageSnapshots } from '../inventory/lookup';
import type { Image, Inventory, Key, RegionFacts } from '../inventory/model';
import type { EvaluationScope } from '../kit/inventoryRule';
import { amiFinding, amiRuleFindings } from '../shared-ami-uses-customer-managed-key/amiFindings';
import { keyUnusable, lookUpKey } from '../shared-ami-uses-customer-managed-key/keyUsability';
import { matchesTag } from '../shared-ami-uses-customer-managed-key/launchRuleParameters';
import type { ConsumerGroup } from './consumerGroups';
import { consumerLabel, consumerRef, launchPermissionGroups } from './consumerGroups';
import type { ConsumerVerdict } from './judgeKeyConsumer';
import { judgeKeyConsumer } from './judgeKeyConsumer';
import { keyPolicyOf } from './keyPolicyOf';
import type { SharedAmiKeyGrantsConsumersParams } from './metadata';
import { metadata } from './metadata';

type Verdict = Omit<
  Finding,
  'ruleId' | 'resourceType' | 'resourceId' | 'accountId' | 'region' | 'resourceArn'
>;

function unreadable(reason: Reason): Verdict {
  return { compliance: 'NON_COMPLIANT', scenarios: [], reasons: [reason] };
}

/** The findings of one key for every consumer group of one AMI. */
/** Verdicts already reached in this run, by key ARN and consumer: AMIs often share keys and consumers. */
type VerdictCache = Map<string, ConsumerVerdict>;

function judgeKey(
  inventory: Inventory,
  key: Key,
  groups: readonly ConsumerGroup[],
  what: string,
  owner: string,
  cache: VerdictCache,
  notes: Reason[],
): Verdict[] {
  const unusable = keyUnusable(key, what);
  if (unusable) {
    return groups.map((g) => ({
      compliance: 'NON_COMPLIANT',
      scenarios: unusable.reason.scenarios ?? [],
      reasons: [unusable.reason],
      consumer: consumerRef(g),
      fix: unusable.fix,
    }));
  }
  const policy = keyPolicyOf(key);
  if (policy.status === 'problem') return [unreadable(policy.reason)];
  const out: Verdict[] = [];
  for (const group of groups) {
    const id = `${key.arn}|${consumerRef(group)}`;
    const v = cache.get(id) ?? judgeKeyConsumer(inventory, key, policy.policy, group, 'launch', owner);
    cache.set(id, v);
    if (v.status === 'allowed' && v.note) notes.push(v.note);
    if (v.status === 'allowed' || !v.reason) continue;
    out.push({
      compliance: 'NON_COMPLIANT',
      scenarios: v.scenarios,
      reasons: [v.reason],
      consumer: v.consumer,
      missingActions: v.missingActions,
      fix: {
        summary: `Add ${v.label} to the policy of key ${key.keyId}${v.deniedMembers?.length ? ` (members: ${v.deniedMembers.join(', ')})` : ''}.`,
        keyArn: key.arn,
        keyPolicyStatements: v.keyPolicyStatements,
      },
    });
  }
  return out;
}

/**
 * With TrustedOrganizationIds set: organization / OU shares of other organizations, and accounts
 * outside the organization when the (read) organization is trusted, are not allowed consumers.
 */
function untrustedConsumers(
  inventory: Inventory,
  groups: readonly ConsumerGroup[],
  trusted: readonly string[],
  imageId: string,
): Verdict[] {
  if (trusted.length === 0) return [];
  const org = inventory.organization;
  const members =
    org && org.status === 'known' && trusted.includes(org.value.id)
      ? new Set(org.value.accounts.map((a) => a.id))
      : undefined;
  return groups.flatMap((g): Verdict[] => {
    const untrusted =
      g.kind === 'account' ? members !== undefined && !members.has(g.accountId) : !trusted.includes(g.orgId);
    if (!untrusted) return [];
    return [
      {
        compliance: 'NON_COMPLIANT',
        scenarios: [],
        reasons: [
          {
            code: 'UNTRUSTED_CONSUMER',
            message:
              `${imageId} is shared with ${consumerLabel(g)}, outside the trusted organizations (${trusted.join(', ')}).`.slice(
                0,
                160,
              ),
          },
        ],
        consumer: consumerRef(g),
        fix: {
          summary: `Stop sharing ${imageId} with ${consumerLabel(g)}, or add its organization to TrustedOrganizationIds.`,
          steps: [`aws ec2 modify-image-attribute --image-id ${imageId} --launch-permission "Remove=[{…}]"`],
        },
      },
    ];
  });
}

function judgeImage(
  inventory: Inventory,
  regionFacts: RegionFacts,
  image: Image,
  params: SharedAmiKeyGrantsConsumersParams,
  scope: EvaluationScope,
  cache: VerdictCache,
): Finding[] {
  const lp = image.launchPermissions;
  if (lp.status === 'unknown') {
    return [
      amiFinding(
        metadata.id,
        scope,
        image,
        unreadable({
          code: 'FACT_UNREADABLE',
          message: `Launch permissions of ${image.imageId} unreadable (${lp.reason.code}): consumers unknown.`,
        }),
      ),
    ];
  }
  const groups = launchPermissionGroups(lp.value, image.ownerId, params.ignoredConsumerAccounts);
  if (groups.length === 0) return [];
  const verdicts: Verdict[] = untrustedConsumers(
    inventory,
    groups,
    params.trustedOrganizationIds,
    image.imageId,
  );
  const judged = new Set<string>();
  const notes: Reason[] = [];
  for (const { mapping, snapshot, key } of imageSnapshots(inventory, regionFacts, image)) {
    const what = `${image.imageId} ${mapping.snapshotId}`;
    if (snapshot.status === 'unknown' || !snapshot.value) {
      verdicts.push(
        unreadable({
          code: 'FACT_UNREADABLE',
          message: `${what} unreadable: cannot tell which key it uses.`,
        }),
      );
      continue;
    }
    const keyArn = snapshot.value.kmsKeyId;
    if (!snapshot.value.encrypted || keyArn === null || judged.has(keyArn)) continue;
    judged.add(keyArn);
    const found = lookUpKey(inventory, keyArn, key, what);
    if (found.status === 'problem') {
      verdicts.push({
        compliance: 'NON_COMPLIANT',
        scenarios: found.reason.scenarios ?? [],
        reasons: [found.reason],
        ...(found.fix ? { fix: found.fix } : {}),
      });
      continue;
    }
    verdicts.push(...judgeKey(inventory, found.key, groups, what, image.ownerId, cache, notes));
  }
  if (verdicts.length === 0) {
    return [
      amiFinding(metadata.id, scope, image, {
        compliance: 'COMPLIANT',
        scenarios: [],
        reasons: [
          ...new Map(notes.map((n) => [n.message, n])).values(),
          {
            code: 'CONSUMERS_GRANTED',
            message: `Every key of ${image.imageId} lets its ${groups.length} consumer(s) launch.`,
          },
        ],
      }),
    ];
  }
  return verdicts.map((v) => amiFinding(metadata.id, scope, image, v));
}

/**
 * L1, L2, G3 (and G1, G2 as they break launches): each shared AMI's snapshot keys let every
 * consumer launch, judged by the policy engine (purpose `launch`). Pure.
 */
export function evaluateSharedAmiKeyGrantsConsumers(
  inventory: Inventory,
  params: SharedAmiKeyGrantsConsumersParams,
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
  const cache: VerdictCache = new Map();
  const perAmi = regionFacts.images.value
    .filter((image) => image.state !== 'deregistered' && !matchesTag(image.tags, params.excludeAmiTag))
    .flatMap((image) => judgeImage(inventory, regionFacts, image, params, scope, cache));
  return amiRuleFindings(metadata.id, scope, perAmi, options);
}

import type { Finding, JsonObject, Reason } from '../core/finding';
import type { ScenarioId } from '../core/ruleMetadata';
import { findRegion } from '../inventory/lookup';
import type { Inventory, Key, RegionFacts } from '../inventory/model';
import type { EvaluationScope } from '../kit/inventoryRule';
import { findUniqueIdPrincipals } from '../policy';
import { consumerLabel, consumerRef } from '../shared-ami-key-grants-consumers/consumerGroups';
import { judgeKeyConsumer } from '../shared-ami-key-grants-consumers/judgeKeyConsumer';
import { keyPolicyOf } from '../shared-ami-key-grants-consumers/keyPolicyOf';
import { keyUnusable } from '../shared-ami-uses-customer-managed-key/keyUsability';
import type { KeyConsumer } from './keyConsumers';
import { keyConsumers } from './keyConsumers';
import type { KmsKeyGrantsImageConsumersParams } from './metadata';
import { metadata } from './metadata';
import { mergeKeyPolicyStatements } from './mergeKeyPolicyStatements';
import { scopeNamesResource } from '../kit/scopeNamesResource';

const KEY_TYPE = 'AWS::KMS::Key';

type Verdict = Omit<
  Finding,
  'ruleId' | 'resourceType' | 'resourceId' | 'accountId' | 'region' | 'resourceArn'
>;

function keyFinding(key: Key, scope: EvaluationScope, verdict: Verdict): Finding {
  return {
    ruleId: metadata.id,
    resourceType: KEY_TYPE,
    resourceId: key.keyId,
    resourceArn: key.arn,
    accountId: scope.accountId,
    region: scope.region,
    ...verdict,
  };
}

function uniq<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function consumersText(consumers: readonly KeyConsumer[]): string {
  const labels = uniq(consumers.map((c) => consumerLabel(c.group)));
  return labels.length > 3
    ? `${labels.slice(0, 3).join(', ')} +${labels.length - 3} more`
    : labels.join(', ');
}

function judgeKey(
  inventory: Inventory,
  regionFacts: RegionFacts,
  key: Key,
  params: KmsKeyGrantsImageConsumersParams,
  scope: EvaluationScope,
): Finding {
  const { consumers, unreadable } = keyConsumers(
    inventory,
    regionFacts,
    key,
    scope.accountId,
    params.ignoredConsumerAccounts,
  );
  if (consumers.length === 0) {
    if (unreadable.length > 0) {
      return keyFinding(key, scope, { compliance: 'NON_COMPLIANT', scenarios: [], reasons: unreadable });
    }
    return keyFinding(key, scope, {
      compliance: 'COMPLIANT',
      scenarios: [],
      reasons: [
        {
          code: 'NO_IMAGE_CONSUMERS',
          message: `No shared AMI or Image Builder distribution of ${scope.accountId} uses key ${key.keyId}.`,
        },
      ],
    });
  }
  const vias = uniq(consumers.map((c) => c.via));
  const unusable = keyUnusable(
    key,
    `${vias[0] ?? key.keyId}${vias.length > 1 ? ` (+${vias.length - 1})` : ''}`,
  );
  if (unusable) {
    return keyFinding(key, scope, {
      compliance: 'NON_COMPLIANT',
      scenarios: unusable.reason.scenarios ?? [],
      reasons: [unusable.reason, ...unreadable],
      consumer: consumerRef(consumers[0]?.group ?? { kind: 'account', accountId: scope.accountId }),
      fix: unusable.fix,
    });
  }
  const policy = keyPolicyOf(key);
  if (policy.status === 'problem') {
    return keyFinding(key, scope, {
      compliance: 'NON_COMPLIANT',
      scenarios: [],
      reasons: [policy.reason, ...unreadable],
    });
  }
  const details: Finding[] = [];
  const notes = new Map<string, Reason>();
  const judged = new Set<string>();
  for (const c of consumers) {
    const id = `${c.purpose}|${consumerRef(c.group)}`;
    if (judged.has(id)) continue;
    judged.add(id);
    const v = judgeKeyConsumer(inventory, key, policy.policy, c.group, c.purpose, scope.accountId);
    if (v.status === 'allowed' && v.note) notes.set(v.note.message, v.note);
    if (v.status === 'allowed' || !v.reason) continue;
    details.push(
      keyFinding(key, scope, {
        compliance: 'NON_COMPLIANT',
        scenarios: v.scenarios,
        reasons: [
          { ...v.reason, message: `${v.reason.message.replace(/\.$/, '')} (${c.via}).`.slice(0, 160) },
        ],
        consumer: v.consumer,
        missingActions: v.missingActions,
        fix: {
          summary: `Add ${v.label} to the policy of key ${key.keyId}.`,
          keyArn: key.arn,
          keyPolicyStatements: v.keyPolicyStatements,
        },
      }),
    );
  }
  const stale = findUniqueIdPrincipals(policy.policy);
  const staleReason: Reason[] =
    stale.length > 0
      ? [
          {
            code: 'UNIQUE_ID_PRINCIPAL',
            message: `Key ${key.keyId} policy names ${stale[0]}${stale.length > 1 ? ` +${stale.length - 1}` : ''}: a deleted principal; that grant no longer works.`,
            scenarios: ['G3'],
          },
        ]
      : [];
  if (details.length === 0 && staleReason.length === 0 && unreadable.length === 0) {
    return keyFinding(key, scope, {
      compliance: 'COMPLIANT',
      scenarios: [],
      reasons: [
        ...notes.values(),
        {
          code: 'CONSUMERS_GRANTED',
          message: `Key ${key.keyId} lets its consumers (${consumersText(consumers)}) use it.`,
        },
      ],
    });
  }
  const scenarios: ScenarioId[] = uniq([
    ...details.flatMap((d) => d.scenarios),
    ...(staleReason.length > 0 ? (['G3'] as const) : []),
  ]);
  const statements: JsonObject[] = mergeKeyPolicyStatements(
    details.flatMap((d) => d.fix?.keyPolicyStatements ?? []),
  );
  const first = details[0];
  return keyFinding(key, scope, {
    compliance: 'NON_COMPLIANT',
    scenarios,
    reasons: [...details.flatMap((d) => d.reasons), ...staleReason, ...unreadable],
    ...(first?.consumer ? { consumer: first.consumer } : {}),
    missingActions: uniq(details.flatMap((d) => d.missingActions ?? [])),
    ...(statements.length > 0
      ? {
          fix: {
            summary: `Add ${uniq(details.map((d) => d.consumer ?? '')).join(', ')} to the policy of key ${key.keyId}.`,
            keyArn: key.arn,
            keyPolicyStatements: statements,
          },
        }
      : {}),
    details,
  });
}

function isExcluded(key: Key, excluded: readonly string[]): boolean {
  return excluded.some((e) => e === key.keyId || e === key.arn || key.aliases.includes(e));
}

function inScope(key: Key, scope: EvaluationScope): boolean {
  return scopeNamesResource(scope, KEY_TYPE, [key.keyId, key.arn]);
}

/**
 * The key-centric view (L1, L2, G1, G2, G3, key side of D12): each key of the account and Region
 * lets every account that consumes it (shared AMIs, Image Builder distributions) use it. One
 * AWS::KMS::Key finding per key; change-triggered runs judge the item's key only. Pure.
 */
export function evaluateKmsKeyGrantsImageConsumers(
  inventory: Inventory,
  params: KmsKeyGrantsImageConsumersParams,
  scope: EvaluationScope,
): Finding[] {
  const regionFacts = findRegion(inventory, scope.accountId, scope.region);
  if (!regionFacts || regionFacts.keys.status === 'unknown') {
    const why = regionFacts?.keys.status === 'unknown' ? regionFacts.keys.reason.code : 'not collected';
    const reason: Reason = {
      code: 'FACT_UNREADABLE',
      message: `Keys of ${scope.accountId}/${scope.region} unreadable (${why}).`,
    };
    const resource = scope.resource;
    return [
      {
        ruleId: metadata.id,
        resourceType: resource ? resource.resourceType : 'AWS::::Account',
        resourceId: resource ? resource.resourceId : scope.accountId,
        accountId: scope.accountId,
        region: scope.region,
        compliance: 'NON_COMPLIANT',
        scenarios: [],
        reasons: [reason],
      },
    ];
  }
  return regionFacts.keys.value
    .filter((key) => inScope(key, scope) && !isExcluded(key, params.excludedKeys))
    .map((key) => judgeKey(inventory, regionFacts, key, params, scope));
}

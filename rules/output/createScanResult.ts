import type { Finding } from '../core/finding';
import type { RuleMetadata } from '../core/ruleMetadata';
import type { Inventory } from '../inventory/model';
import type { ScanResult } from './scanResult';
import { SCAN_FORMAT_VERSION } from './scanResult';

export interface CreateScanResultOptions {
  /** When the scan ran (ISO 8601). */
  readonly generatedAt: string;
  readonly toolVersion: string;
  /** Only these accounts / Regions were in scope (default: every one in the inventory). */
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
  readonly unknownFacts?: readonly string[];
}

/** Display names from the inventory: AMI names, key aliases, role names, Image Builder names. */
export function resourceNamesOf(inventory: Inventory): Record<string, string> {
  const names: Record<string, string> = {};
  for (const account of inventory.accounts) {
    if (account.roles.status === 'known')
      for (const role of account.roles.value) {
        names[role.arn] = role.roleName;
        names[role.roleId] = role.roleName;
      }
    for (const region of account.regions) {
      if (region.images.status === 'known')
        for (const image of region.images.value) if (image.name) names[image.imageId] = image.name;
      if (region.keys.status === 'known')
        for (const key of region.keys.value) {
          const alias = key.aliases[0];
          if (alias) {
            names[key.keyId] = alias;
            names[key.arn] = alias;
          }
        }
      if (region.imageBuilder.status === 'known') {
        const ib = region.imageBuilder.value;
        for (const r of [...ib.distributionConfigurations, ...ib.imageRecipes, ...ib.imagePipelines])
          names[r.arn] = r.name;
      }
    }
  }
  return names;
}

/** A {@link ScanResult} from the inventory scanned, the rules that ran and their findings. */
export function createScanResult(
  inventory: Inventory,
  rules: readonly { readonly metadata: RuleMetadata<unknown> }[],
  findings: readonly Finding[],
  options: CreateScanResultOptions,
): ScanResult {
  const orgNames = new Map<string, string>();
  if (inventory.organization?.status === 'known')
    for (const a of inventory.organization.value.accounts) if (a.name) orgNames.set(a.id, a.name);
  const accounts = inventory.accounts
    .filter((a) => !options.accounts || options.accounts.includes(a.accountId))
    .map((a) => {
      const name = a.name ?? orgNames.get(a.accountId);
      return { id: a.accountId, ...(name ? { name } : {}) };
    });
  const regionSet = new Set<string>();
  for (const a of inventory.accounts) for (const r of a.regions) regionSet.add(r.region);
  const regions = [...regionSet].filter((r) => !options.regions || options.regions.includes(r)).sort();
  return {
    formatVersion: SCAN_FORMAT_VERSION,
    tool: { name: 'ami-share-guard', version: options.toolVersion },
    generatedAt: options.generatedAt,
    source: {
      kind: inventory.source.kind,
      ...(inventory.source.description ? { description: inventory.source.description } : {}),
      collectedAt: inventory.generatedAt,
    },
    partition: inventory.partition,
    rules: rules.map(({ metadata: m }) => ({
      id: m.id,
      title: m.title,
      severity: m.severity,
      scenarios: [...m.scenarios],
      remediation: m.remediation,
    })),
    accounts,
    regions,
    findings: [...findings],
    ...(options.unknownFacts?.length ? { unknownFacts: [...options.unknownFacts] } : {}),
    resourceNames: resourceNamesOf(inventory),
  };
}

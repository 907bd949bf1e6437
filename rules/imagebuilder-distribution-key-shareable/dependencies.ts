import { parseKmsArn } from '../inventory/lookup';
import type { Inventory } from '../inventory/model';
import type { CollectTarget, EvaluationScope } from '../kit/inventoryRule';
import type { FactFamily } from '../inventory/model';
import { sharingDistributions } from './checkDistribution';
import type { SharingOptions } from './checkDistribution';
import { inScope } from './scopeHelpers';
import type { SharedImageBuilderParams } from './sharedParameters';
import { sharingOptionsOf } from './sharedParameters';
import { DISTRIBUTION_CONFIGURATION } from './checkDistribution';

/** Collect targets, merged by account (families and Regions unioned). */
export class TargetSet {
  private readonly byAccount = new Map<string, { regions: Set<string>; families: Set<FactFamily> }>();

  add(accountId: string, region: string, families: readonly FactFamily[]): void {
    let entry = this.byAccount.get(accountId);
    if (!entry) {
      entry = { regions: new Set(), families: new Set() };
      this.byAccount.set(accountId, entry);
    }
    entry.regions.add(region);
    for (const f of families) entry.families.add(f);
  }

  /** The targets, without the evaluated account and Region's own families (already read). */
  toTargets(scope: EvaluationScope, primaryFamilies: readonly FactFamily[]): CollectTarget[] {
    const out: CollectTarget[] = [];
    for (const [accountId, entry] of this.byAccount) {
      const regions = [...entry.regions].filter(
        (r) => !(accountId === scope.accountId && r === scope.region),
      );
      const families = [...entry.families];
      const accountWide = families.filter((f) => f === 'roles' || f === 'regionOptIn');
      if (accountId === scope.accountId) {
        // Account-wide facts of the evaluated account are read with the primary target only if asked.
        const extra = accountWide.filter((f) => !primaryFamilies.includes(f));
        if (regions.length === 0 && extra.length === 0) continue;
        out.push({ accountId, regions: regions.length > 0 ? regions : [scope.region], families });
        continue;
      }
      out.push({ accountId, regions: [...entry.regions], families });
    }
    return out;
  }
}

/**
 * What a distribution configuration needs beyond the evaluated account and Region: the source
 * account's keys in the other distribution Regions, and the keys of any account owning a named key.
 */
export function addDistributionDependencies(
  targets: TargetSet,
  inventory: Inventory,
  scope: EvaluationScope,
  options: SharingOptions,
  onlyArns?: ReadonlySet<string>,
): void {
  const region = inventory.accounts
    .find((a) => a.accountId === scope.accountId)
    ?.regions.find((r) => r.region === scope.region);
  if (!region || region.imageBuilder.status !== 'known') return;
  for (const dc of region.imageBuilder.value.distributionConfigurations) {
    if (onlyArns ? !onlyArns.has(dc.arn) : !inScope(scope, DISTRIBUTION_CONFIGURATION, dc.arn, dc.name))
      continue;
    for (const sharing of sharingDistributions(dc, scope.accountId, options)) {
      targets.add(scope.accountId, sharing.region, ['keys']);
      const arn = sharing.kmsKeyId ? parseKmsArn(sharing.kmsKeyId) : undefined;
      if (arn) targets.add(arn.accountId, arn.region, ['keys']);
    }
  }
}

export function distributionDependencies(
  inventory: Inventory,
  params: SharedImageBuilderParams,
  scope: EvaluationScope,
): CollectTarget[] {
  const targets = new TargetSet();
  addDistributionDependencies(targets, inventory, scope, sharingOptionsOf(params));
  return targets.toTargets(scope, ['keys', 'imageBuilder']);
}

import type { Fact } from '../inventory/fact';
import type { Inventory } from '../inventory/model';
import type { CollectTarget } from './inventoryRule';

function note(out: string[], where: string, fact: Fact<unknown> | undefined): void {
  if (fact && fact.status === 'unknown' && fact.reason.code !== 'NotCollected') {
    out.push(`${where}: ${fact.reason.code}${fact.reason.api ? ` (${fact.reason.api})` : ''}`);
  }
}

/**
 * The facts of a collect target that could not be read, as short descriptions for the log
 * (`111111111111/us-east-1 keys: AccessDenied (kms:ListKeys)`). Empty when everything asked for
 * was read. A run with unknown facts is incomplete: the runtime then skips stale cleanup.
 */
export function unknownFactsFor(inventory: Inventory, target: CollectTarget): string[] {
  const out: string[] = [];
  const account = inventory.accounts.find((a) => a.accountId === target.accountId);
  if (!account) return [`${target.accountId}: not collected`];
  const families = new Set(target.families);
  if (families.has('organization')) note(out, 'organization', inventory.organization ?? undefined);
  if (families.has('roles')) note(out, `${account.accountId} roles`, account.roles);
  if (families.has('regionOptIn')) note(out, `${account.accountId} region opt-in`, account.regionOptIn);
  for (const regionName of target.regions) {
    const region = account.regions.find((r) => r.region === regionName);
    const where = `${account.accountId}/${regionName}`;
    if (!region) {
      out.push(`${where}: not collected`);
      continue;
    }
    if (families.has('keys')) {
      note(out, `${where} keys`, region.keys);
      if (region.keys.status === 'known') {
        for (const key of region.keys.value) note(out, `${where} key ${key.keyId} policy`, key.policy);
      }
    }
    if (families.has('images')) {
      note(out, `${where} images`, region.images);
      note(out, `${where} snapshots`, region.snapshots);
      if (region.images.status === 'known') {
        for (const image of region.images.value) {
          note(out, `${where} ${image.imageId} launch permissions`, image.launchPermissions);
        }
      }
    }
    if (families.has('ebsEncryption')) note(out, `${where} EBS encryption`, region.ebsEncryption);
    if (families.has('imageBuilder')) note(out, `${where} Image Builder`, region.imageBuilder);
    if (families.has('sharedWithMe')) note(out, `${where} shared images`, region.sharedWithMe);
  }
  return out;
}

import type { AccountClient } from '@aws-sdk/client-account';
import { paginateListRegions } from '@aws-sdk/client-account';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import type { RegionOptStatus } from '../model';
import { REGION_OPT_STATUSES } from '../model';

/** Region opt-in status of the account, from `account:ListRegions`. */
export async function listRegionOptIn(client: AccountClient): Promise<Record<string, RegionOptStatus>> {
  const out: Record<string, RegionOptStatus> = {};
  for await (const page of paginateListRegions({ client }, {})) {
    for (const r of page.Regions ?? []) {
      const status = r.RegionOptStatus;
      if (r.RegionName && status && (REGION_OPT_STATUSES as readonly string[]).includes(status))
        out[r.RegionName] = status as RegionOptStatus;
    }
  }
  return out;
}

const EC2_OPT_IN: Record<string, RegionOptStatus> = {
  'opt-in-not-required': 'ENABLED_BY_DEFAULT',
  'opted-in': 'ENABLED',
  'not-opted-in': 'DISABLED',
};

/** The same from `ec2:DescribeRegions` with `AllRegions` (the fallback when the Account API is not reachable). */
export async function describeRegionOptIn(client: EC2Client): Promise<Record<string, RegionOptStatus>> {
  const out: Record<string, RegionOptStatus> = {};
  const res = await client.send(new DescribeRegionsCommand({ AllRegions: true }));
  for (const r of res.Regions ?? []) {
    const status = r.OptInStatus ? EC2_OPT_IN[r.OptInStatus] : undefined;
    if (r.RegionName && status) out[r.RegionName] = status;
  }
  return out;
}

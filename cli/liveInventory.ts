import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { InvalidInputError } from '../rules/core/errors';
import { roleCredentialsByAccount } from '../rules/core/roleCredentials';
import type { CollectionProgress } from '../rules/inventory/live/collectInventory';
import { collectInventory } from '../rules/inventory/live/collectInventory';
import { LiveInventorySource } from '../rules/inventory/live/LiveInventorySource';
import type { FactFamily, Inventory } from '../rules/inventory/model';
import { FACT_FAMILIES } from '../rules/inventory/model';

export interface LiveScope {
  readonly profile?: string;
  readonly regions: readonly string[];
  /** Accounts to read; default: the caller's own account (or the organization's with `org`). */
  readonly accounts?: readonly string[];
  /** Read every ACTIVE account of the organization (from the management or delegated admin account). */
  readonly org: boolean;
  /** The read role assumed in every account other than the caller's. */
  readonly roleName?: string;
  /** Advanced: an endpoint for every AWS call (the tests' emulator). */
  readonly endpoint?: string;
  readonly families?: readonly FactFamily[];
  readonly onProgress?: (p: CollectionProgress) => void;
}

/**
 * Reads the inventory from live AWS for a CLI scan: the caller's account with its own credentials
 * (`--profile` or the default chain), every other account through `--role-name`.
 */
export async function readLiveInventory(scope: LiveScope): Promise<Inventory> {
  const home = scope.regions[0];
  if (home === undefined)
    throw new InvalidInputError('--regions', 'name the Regions to scan, e.g. --regions eu-west-1,us-east-1');
  const base: AwsCredentialIdentityProvider | undefined = scope.profile
    ? fromIni({ profile: scope.profile })
    : undefined;
  const endpoint = scope.endpoint ? { endpoint: scope.endpoint } : {};
  const sts = new STSClient({ region: home, ...endpoint, ...(base ? { credentials: base } : {}) });
  let self: string;
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    self = identity.Account ?? '';
  } catch (error) {
    throw new InvalidInputError(
      scope.profile ? '--profile' : 'credentials',
      `cannot call sts:GetCallerIdentity (${(error as Error).message}); check your AWS credentials${scope.profile ? ` for profile ${scope.profile}` : ''}`,
      { cause: error },
    );
  } finally {
    sts.destroy();
  }
  const assume = scope.roleName
    ? roleCredentialsByAccount({
        roleName: scope.roleName,
        sessionName: 'ami-share-guard-scan',
        stsClientConfig: { region: home, ...endpoint },
        ...(base ? { masterCredentials: base } : {}),
      })
    : undefined;
  const source = new LiveInventorySource({
    homeRegion: home,
    callerAccountId: self,
    configFor: (accountId, region) => {
      if (accountId === self || accountId === 'self')
        return { region, ...endpoint, ...(base ? { credentials: base } : {}) };
      if (!assume)
        throw new InvalidInputError(
          '--role-name',
          `needed to read account ${accountId} (not the caller's ${self})`,
        );
      return { region, ...endpoint, credentials: assume(accountId) };
    },
  });
  let accountIds = scope.accounts ? [...scope.accounts] : [self];
  const names: Record<string, string> = {};
  if (scope.org) {
    const org = await source.organization();
    if (org.status === 'unknown')
      throw new InvalidInputError(
        '--org',
        `cannot list the organization's accounts (${org.reason.code}: ${org.reason.message}); run from the management or delegated administrator account`,
      );
    const active = org.value.accounts.filter((a) => (a.status ?? 'ACTIVE') === 'ACTIVE');
    for (const a of active) if (a.name) names[a.id] = a.name;
    accountIds = scope.accounts
      ? accountIds.filter((id) => active.some((a) => a.id === id))
      : active.map((a) => a.id);
  }
  const others = accountIds.filter((id) => id !== self);
  if (others.length > 0 && !scope.roleName)
    throw new InvalidInputError(
      '--role-name',
      `needed to read accounts other than ${self}: ${others.join(', ')}`,
    );
  return collectInventory(
    source,
    {
      accountIds,
      regions: scope.regions,
      families: scope.families ?? FACT_FAMILIES,
      organization: scope.org || (scope.families ?? FACT_FAMILIES).includes('organization'),
      accountNames: names,
    },
    {
      description: `live scan from ${self}${scope.org ? ' (organization)' : ''}`,
      ...(scope.onProgress ? { onProgress: scope.onProgress } : {}),
    },
  );
}

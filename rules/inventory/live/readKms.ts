import type { KMSClient, KeyMetadata } from '@aws-sdk/client-kms';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  paginateListAliases,
  paginateListGrants,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import type { Fact } from '../fact';
import type { Grant, Key } from '../model';

/** The model's key from DescribeKey metadata, its aliases, its policy and (optionally) its grants. */
export function keyFromApi(
  md: KeyMetadata,
  aliases: string[],
  policy: Fact<string>,
  grants?: Fact<Grant[]>,
): Key {
  return {
    keyId: md.KeyId ?? '',
    arn: md.Arn ?? '',
    keyManager: md.KeyManager === 'AWS' ? 'AWS' : 'CUSTOMER',
    keyState: md.KeyState ?? 'Unavailable',
    enabled: md.Enabled ?? false,
    ...(md.DeletionDate ? { deletionDate: md.DeletionDate.toISOString() } : {}),
    origin: md.Origin ?? 'AWS_KMS',
    ...(md.Description ? { description: md.Description } : {}),
    aliases,
    policy,
    ...(grants ? { grants } : {}),
  };
}

export async function listKeyIds(client: KMSClient): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of paginateListKeys({ client }, {})) {
    for (const k of page.Keys ?? []) if (k.KeyId) ids.push(k.KeyId);
  }
  return ids;
}

/** Alias names by target key id. */
export async function listAliasesByKey(client: KMSClient): Promise<Map<string, string[]>> {
  const byKey = new Map<string, string[]>();
  for await (const page of paginateListAliases({ client }, {})) {
    for (const a of page.Aliases ?? []) {
      if (!a.TargetKeyId || !a.AliasName) continue;
      const list = byKey.get(a.TargetKeyId) ?? [];
      list.push(a.AliasName);
      byKey.set(a.TargetKeyId, list);
    }
  }
  return byKey;
}

export async function describeKey(client: KMSClient, keyRef: string): Promise<KeyMetadata> {
  const out = await client.send(new DescribeKeyCommand({ KeyId: keyRef }));
  if (!out.KeyMetadata) throw new Error(`DescribeKey returned no metadata for ${keyRef}`);
  return out.KeyMetadata;
}

export async function getKeyPolicy(client: KMSClient, keyId: string): Promise<string> {
  const out = await client.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
  if (out.Policy === undefined) throw new Error(`GetKeyPolicy returned no policy for ${keyId}`);
  return out.Policy;
}

export async function listGrants(client: KMSClient, keyId: string): Promise<Grant[]> {
  const grants: Grant[] = [];
  for await (const page of paginateListGrants({ client }, { KeyId: keyId })) {
    for (const g of page.Grants ?? []) {
      grants.push({
        grantId: g.GrantId ?? '',
        ...(g.Name ? { name: g.Name } : {}),
        granteePrincipal: g.GranteePrincipal ?? '',
        ...(g.RetiringPrincipal ? { retiringPrincipal: g.RetiringPrincipal } : {}),
        ...(g.IssuingAccount ? { issuingAccount: g.IssuingAccount } : {}),
        operations: [...(g.Operations ?? [])],
        ...(g.Constraints
          ? {
              constraints: {
                ...(g.Constraints.EncryptionContextSubset
                  ? { encryptionContextSubset: g.Constraints.EncryptionContextSubset }
                  : {}),
                ...(g.Constraints.EncryptionContextEquals
                  ? { encryptionContextEquals: g.Constraints.EncryptionContextEquals }
                  : {}),
              },
            }
          : {}),
      });
    }
  }
  return grants;
}

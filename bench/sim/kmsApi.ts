import type { SimKey } from '../synthetic/syntheticModel';
import type { OperationHandler, SimCallContext, SimResponse } from './simTypes';
import { SimError } from './simTypes';

const json = (o: object, items?: number): SimResponse => ({
  body: JSON.stringify(o),
  contentType: 'application/x-amz-json-1.1',
  ...(items === undefined ? {} : { items }),
});

function page<T>(items: readonly T[], params: Record<string, unknown>, defaultLimit: number) {
  const limit = typeof params['Limit'] === 'number' ? params['Limit'] : defaultLimit;
  const start = typeof params['Marker'] === 'string' ? Number(params['Marker']) : 0;
  const end = start + limit;
  return {
    slice: items.slice(start, end),
    more: end < items.length ? { Truncated: true, NextMarker: String(end) } : { Truncated: false },
  };
}

function findKey(ref: unknown, ctx: SimCallContext): SimKey {
  const s = String(ref ?? '');
  const keys = ctx.regionState?.keys ?? [];
  const name = s.includes(':alias/') ? `alias/${s.split(':alias/')[1]}` : s;
  const key = keys.find((k) => k.keyId === s || k.arn === s || k.aliases.includes(name));
  if (!key) throw new SimError('NotFoundException', `Key '${s}' does not exist`);
  return key;
}

export const KMS_OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  ListKeys: (params, ctx) => {
    const { slice, more } = page(ctx.regionState?.keys ?? [], params, 100);
    return json({ Keys: slice.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })), ...more }, slice.length);
  },
  ListAliases: (params, ctx) => {
    const aliases = (ctx.regionState?.keys ?? []).flatMap((k) =>
      k.aliases.map((a) => ({
        AliasName: a,
        AliasArn: `arn:aws:kms:${ctx.region}:${ctx.accountId}:${a}`,
        TargetKeyId: k.keyId,
      })),
    );
    const { slice, more } = page(aliases, params, 50);
    return json({ Aliases: slice, ...more }, slice.length);
  },
  DescribeKey: (params, ctx) => {
    const k = findKey(params['KeyId'], ctx);
    return json({
      KeyMetadata: {
        AWSAccountId: ctx.accountId,
        KeyId: k.keyId,
        Arn: k.arn,
        CreationDate: 1735689600,
        Enabled: k.keyState === 'Enabled',
        KeyState: k.keyState,
        KeyManager: k.keyManager,
        Origin: 'AWS_KMS',
        KeySpec: 'SYMMETRIC_DEFAULT',
        KeyUsage: 'ENCRYPT_DECRYPT',
        ...(k.keyState === 'PendingDeletion' ? { DeletionDate: 1767225600 } : {}),
      },
    });
  },
  GetKeyPolicy: (params, ctx) => {
    const k = findKey(params['KeyId'], ctx);
    if ((params['PolicyName'] ?? 'default') !== 'default')
      throw new SimError('NotFoundException', `No such policy ${String(params['PolicyName'])}`);
    return json({ Policy: k.policy, PolicyName: 'default' });
  },
  ListGrants: (params, ctx) => {
    findKey(params['KeyId'], ctx);
    return json({ Grants: [], Truncated: false });
  },
};

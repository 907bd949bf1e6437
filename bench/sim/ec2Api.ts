import type { SimImage, SimLaunchPermission, SimRegion, SimSnapshot } from '../synthetic/syntheticModel';
import type { OperationHandler, SimCallContext, SimResponse } from './simTypes';
import { SimError } from './simTypes';
import type { XmlNode } from './xml';
import { toXml } from './xml';

const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
let requestCounter = 0;

function reply(op: string, body: XmlNode, items?: number): SimResponse {
  const requestId = `sim-${(requestCounter++).toString(16)}`;
  return {
    body: toXml(`${op}Response`, { requestId, ...body }, XMLNS),
    contentType: 'text/xml;charset=UTF-8',
    ...(items === undefined ? {} : { items }),
  };
}

/** `Prefix.1`, `Prefix.2`, … from the query parameters. */
function list(params: Record<string, unknown>, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; typeof params[`${prefix}.${i}`] === 'string'; i++)
    out.push(params[`${prefix}.${i}`] as string);
  return out;
}

/** Snapshots by id, built once per Region state (a per-image map made DescribeImages quadratic). */
const snapshotIndex = new WeakMap<SimRegion, Map<string, SimSnapshot>>();
function snapshotsOf(region: SimRegion | undefined): Map<string, SimSnapshot> {
  if (!region) return new Map();
  let index = snapshotIndex.get(region);
  if (!index) {
    index = new Map(region.snapshots.map((s) => [s.snapshotId, s]));
    snapshotIndex.set(region, index);
  }
  return index;
}

function imageXml(image: SimImage, region: SimRegion | undefined): XmlNode {
  const snaps = snapshotsOf(region);
  return {
    imageId: image.imageId,
    imageLocation: `${image.ownerId}/${image.name}`,
    imageState: 'available',
    imageOwnerId: image.ownerId,
    creationDate: image.creationDate,
    isPublic: image.public,
    architecture: 'x86_64',
    imageType: 'machine',
    name: image.name,
    rootDeviceType: 'ebs',
    rootDeviceName: '/dev/xvda',
    blockDeviceMapping: image.snapshotIds.map((snapshotId, i) => ({
      deviceName: `/dev/xvd${String.fromCharCode(97 + i)}`,
      ebs: {
        snapshotId,
        volumeSize: snaps.get(snapshotId)?.volumeSize ?? 8,
        deleteOnTermination: true,
        volumeType: 'gp3',
        encrypted: snaps.get(snapshotId)?.encrypted ?? false,
      },
    })),
    virtualizationType: 'hvm',
  };
}

function snapshotXml(s: SimSnapshot): XmlNode {
  return {
    snapshotId: s.snapshotId,
    volumeId: 'vol-ffffffff',
    status: 'completed',
    startTime: '2025-01-01T00:00:00.000Z',
    progress: '100%',
    ownerId: s.ownerId,
    volumeSize: s.volumeSize,
    encrypted: s.encrypted,
    ...(s.kmsKeyArn ? { kmsKeyId: s.kmsKeyArn } : {}),
  };
}

function paginate<T>(
  items: readonly T[],
  params: Record<string, unknown>,
): { page: T[]; nextToken?: string } {
  const max = typeof params['MaxResults'] === 'string' ? Number(params['MaxResults']) : undefined;
  const start = typeof params['NextToken'] === 'string' ? Number(params['NextToken']) : 0;
  if (max === undefined) return { page: items.slice(start) };
  const end = start + max;
  return { page: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
}

function canLaunch(p: SimLaunchPermission, ctx: SimCallContext): boolean {
  const member = ctx.org.accounts.find((a) => a.accountId === ctx.accountId);
  if ('userId' in p) return p.userId === ctx.accountId;
  if ('group' in p) return true;
  if ('organizationArn' in p) return member !== undefined;
  return member !== undefined && member.ouIds.some((ou) => p.organizationalUnitArn.endsWith(`/${ou}`));
}

function describeImages(params: Record<string, unknown>, ctx: SimCallContext): SimResponse {
  const owners = list(params, 'Owner');
  const executable = list(params, 'ExecutableBy');
  let images: { image: SimImage; region: SimRegion | undefined }[];
  if (owners.includes('self')) {
    images = (ctx.regionState?.images ?? []).map((image) => ({ image, region: ctx.regionState }));
  } else if (executable.includes('self')) {
    images = [];
    for (const a of ctx.org.accounts) {
      if (a.accountId === ctx.accountId) continue;
      const r = a.regions.find((x) => x.region === ctx.region);
      for (const image of r?.images ?? []) {
        if (image.launchPermissions.some((p) => canLaunch(p, ctx))) images.push({ image, region: r });
      }
    }
  } else {
    throw new SimError(
      'InvalidParameterCombination',
      'the simulator answers DescribeImages for Owners=self or ExecutableUsers=self only',
    );
  }
  const { page, nextToken } = paginate(images, params);
  return reply(
    'DescribeImages',
    { imagesSet: page.map((i) => imageXml(i.image, i.region)), nextToken },
    page.length,
  );
}

const imageIndex = new WeakMap<SimRegion, Map<string, SimImage>>();
function imageIndexOf(region: SimRegion | undefined): Map<string, SimImage> {
  if (!region) return new Map();
  let index = imageIndex.get(region);
  if (!index) {
    index = new Map(region.images.map((i) => [i.imageId, i]));
    imageIndex.set(region, index);
  }
  return index;
}

function describeImageAttribute(params: Record<string, unknown>, ctx: SimCallContext): SimResponse {
  const imageId = String(params['ImageId'] ?? '');
  if (params['Attribute'] !== 'launchPermission')
    throw new SimError('InvalidParameterValue', `the simulator answers the launchPermission attribute only`);
  const image = imageIndexOf(ctx.regionState).get(imageId);
  if (!image) throw new SimError('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
  return reply('DescribeImageAttribute', {
    imageId,
    launchPermission: image.launchPermissions.map((p) => ({ ...p })),
  });
}

function describeSnapshots(params: Record<string, unknown>, ctx: SimCallContext): SimResponse {
  const ids = new Set(list(params, 'SnapshotId'));
  for (let f = 1; typeof params[`Filter.${f}.Name`] === 'string'; f++) {
    if (params[`Filter.${f}.Name`] !== 'snapshot-id')
      throw new SimError('InvalidParameterValue', `the simulator filters snapshots by snapshot-id only`);
    for (const v of list(params, `Filter.${f}.Value`)) ids.add(v);
  }
  if (ids.size > 1000)
    throw new SimError('InvalidParameterValue', 'too many snapshot ids (simulated limit 1000)');
  const own = ctx.regionState?.snapshots ?? [];
  const found = ids.size === 0 ? own : own.filter((s) => ids.has(s.snapshotId));
  const { page, nextToken } = paginate(found, params);
  return reply('DescribeSnapshots', { snapshotSet: page.map(snapshotXml), nextToken }, page.length);
}

export const EC2_OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  DescribeImages: describeImages,
  DescribeImageAttribute: describeImageAttribute,
  DescribeSnapshots: describeSnapshots,
  GetEbsEncryptionByDefault: (_p, ctx) =>
    reply('GetEbsEncryptionByDefault', {
      ebsEncryptionByDefault: ctx.regionState?.ebsEncryptionByDefault ?? false,
    }),
  GetEbsDefaultKmsKeyId: (_p, ctx) =>
    reply('GetEbsDefaultKmsKeyId', { kmsKeyId: ctx.regionState?.ebsDefaultKmsKeyId ?? 'alias/aws/ebs' }),
  DescribeRegions: (_p, ctx) =>
    reply('DescribeRegions', {
      regionInfo: (ctx.account?.regions ?? []).map((r) => ({
        regionName: r.region,
        regionEndpoint: `ec2.${r.region}.amazonaws.com`,
        optInStatus: 'opt-in-not-required',
      })),
    }),
};

/** EC2's error document (query protocol): `<Response><Errors><Error>…`. */
export function ec2ErrorBody(code: string, message: string): string {
  return toXml('Response', { Errors: { Error: { Code: code, Message: message } }, RequestID: 'sim-error' });
}

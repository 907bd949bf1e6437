import type { EC2Client, Image as SdkImage, Snapshot as SdkSnapshot } from '@aws-sdk/client-ec2';
import {
  DescribeImageAttributeCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeImages,
  paginateDescribeSnapshots,
} from '@aws-sdk/client-ec2';
import type { ImageBlockDeviceMapping, LaunchPermission, Snapshot } from '../model';

/** DescribeSnapshots `snapshot-id` filter values per call (EC2 filters take up to 200 values). */
export const SNAPSHOT_BATCH_SIZE = 200;

/** An image as DescribeImages returns it, without launch permissions (read separately). */
export interface ImageCore {
  readonly imageId: string;
  readonly name?: string;
  readonly ownerId: string;
  readonly public: boolean;
  readonly state: string;
  readonly creationDate?: string;
  readonly sourceImageId?: string;
  readonly sourceImageRegion?: string;
  readonly blockDeviceMappings: ImageBlockDeviceMapping[];
  readonly tags: Record<string, string>;
}

export function imageCoreFromApi(i: SdkImage): ImageCore {
  const blockDeviceMappings: ImageBlockDeviceMapping[] = [];
  for (const m of i.BlockDeviceMappings ?? []) {
    if (!m.Ebs) continue; // instance-store / NoDevice mappings carry no snapshot or key
    blockDeviceMappings.push({
      deviceName: m.DeviceName ?? '',
      ...(m.Ebs.SnapshotId ? { snapshotId: m.Ebs.SnapshotId } : {}),
      ...(m.Ebs.Encrypted !== undefined ? { encrypted: m.Ebs.Encrypted } : {}),
      ...(m.Ebs.VolumeSize !== undefined ? { volumeSize: m.Ebs.VolumeSize } : {}),
    });
  }
  return {
    imageId: i.ImageId ?? '',
    ...(i.Name ? { name: i.Name } : {}),
    ownerId: i.OwnerId ?? '',
    public: i.Public ?? false,
    state: i.State ?? 'unknown',
    ...(i.CreationDate ? { creationDate: i.CreationDate } : {}),
    ...(i.SourceImageId ? { sourceImageId: i.SourceImageId } : {}),
    ...(i.SourceImageRegion ? { sourceImageRegion: i.SourceImageRegion } : {}),
    blockDeviceMappings,
    tags: Object.fromEntries((i.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
  };
}

export function snapshotFromApi(s: SdkSnapshot): Snapshot {
  return {
    snapshotId: s.SnapshotId ?? '',
    ownerId: s.OwnerId ?? '',
    encrypted: s.Encrypted ?? false,
    kmsKeyId: s.KmsKeyId ?? null,
    ...(s.VolumeSize !== undefined ? { volumeSize: s.VolumeSize } : {}),
  };
}

/** AMIs owned by the account (`Owners: ['self']`) or launchable by it (`ExecutableUsers: ['self']`). */
export async function describeImages(client: EC2Client, which: 'owned' | 'executable'): Promise<ImageCore[]> {
  const out: ImageCore[] = [];
  const input = which === 'owned' ? { Owners: ['self'] } : { ExecutableUsers: ['self'] };
  for await (const page of paginateDescribeImages({ client }, input)) {
    for (const i of page.Images ?? []) out.push(imageCoreFromApi(i));
  }
  return out;
}

export async function describeLaunchPermissions(
  client: EC2Client,
  imageId: string,
): Promise<LaunchPermission[]> {
  const out = await client.send(
    new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }),
  );
  const perms: LaunchPermission[] = [];
  for (const p of out.LaunchPermissions ?? []) {
    if (p.UserId) perms.push({ userId: p.UserId });
    else if (p.Group === 'all') perms.push({ group: 'all' });
    else if (p.OrganizationArn) perms.push({ organizationArn: p.OrganizationArn });
    else if (p.OrganizationalUnitArn) perms.push({ organizationalUnitArn: p.OrganizationalUnitArn });
  }
  return perms;
}

/**
 * Snapshots by id, in batches (a `snapshot-id` filter, so that an id that no longer exists or is
 * not visible is simply absent instead of failing the whole batch).
 */
export async function describeSnapshotsById(
  client: EC2Client,
  snapshotIds: readonly string[],
): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  for (let i = 0; i < snapshotIds.length; i += SNAPSHOT_BATCH_SIZE) {
    const batch = snapshotIds.slice(i, i + SNAPSHOT_BATCH_SIZE);
    for await (const page of paginateDescribeSnapshots(
      { client },
      { Filters: [{ Name: 'snapshot-id', Values: [...batch] }] },
    )) {
      for (const s of page.Snapshots ?? []) out.push(snapshotFromApi(s));
    }
  }
  return out;
}

export async function getEbsDefaults(
  client: EC2Client,
): Promise<{ enabledByDefault: boolean; defaultKmsKeyId: string }> {
  const enabled = await client.send(new GetEbsEncryptionByDefaultCommand({}));
  const key = await client.send(new GetEbsDefaultKmsKeyIdCommand({}));
  return {
    enabledByDefault: enabled.EbsEncryptionByDefault ?? false,
    defaultKmsKeyId: key.KmsKeyId ?? 'alias/aws/ebs',
  };
}

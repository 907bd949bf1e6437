/** The demo organization's accounts, Regions and naming helpers (shared by the builder and the tests). */

export const DEMO_ACCOUNTS = {
  management: '111111111111',
  imageFactory: '222222222222',
  workloadsProd: '333333333333',
  workloadsSandbox: '444444444444',
  analytics: '555555555555',
  dataScience: '666666666666',
  partnerBuilds: '777777777777',
  legacyBuilds: '888888888888',
} as const;

export const DEMO_ACCOUNT_NAMES: Readonly<Record<string, string>> = {
  [DEMO_ACCOUNTS.management]: 'management',
  [DEMO_ACCOUNTS.imageFactory]: 'image-factory',
  [DEMO_ACCOUNTS.workloadsProd]: 'workloads-prod',
  [DEMO_ACCOUNTS.workloadsSandbox]: 'workloads-sandbox',
  [DEMO_ACCOUNTS.analytics]: 'analytics',
  [DEMO_ACCOUNTS.dataScience]: 'data-science',
  [DEMO_ACCOUNTS.partnerBuilds]: 'partner-builds',
  [DEMO_ACCOUNTS.legacyBuilds]: 'legacy-builds',
};

/** Broken cases live in eu-west-1, their fixed twins in us-east-1. */
export const BROKEN_REGION = 'eu-west-1';
export const TWIN_REGION = 'us-east-1';
/** Opt-in Regions used by the D10 case: disabled / enabled in workloads-prod. */
export const DISABLED_OPT_IN_REGION = 'me-south-1';
export const ENABLED_OPT_IN_REGION = 'af-south-1';

/** A deterministic hex id of `length` digits from a label (FNV-1a, repeated). */
export function hexId(label: string, length: number): string {
  let out = '';
  let seed = 0;
  while (out.length < length) {
    let h = 0x811c9dc5 ^ seed++;
    for (let i = 0; i < label.length; i++) {
      h ^= label.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** A UUID-shaped KMS key id derived from a label. */
export function demoKeyId(label: string): string {
  const h = hexId(`key:${label}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const demoImageId = (label: string): string => `ami-0${hexId(`ami:${label}`, 16)}`;
export const demoSnapshotId = (label: string): string => `snap-0${hexId(`snap:${label}`, 16)}`;

export function keyArn(accountId: string, region: string, keyId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
}

export function imageBuilderArn(
  accountId: string,
  region: string,
  kind: 'distribution-configuration' | 'image-recipe' | 'image-pipeline',
  name: string,
): string {
  const base = `arn:aws:imagebuilder:${region}:${accountId}:${kind}/${name.toLowerCase()}`;
  return kind === 'image-recipe' ? `${base}/1.0.0` : base;
}

/** A role's unique id (AROA…) derived from its account and name (Config reports roles by this id). */
export function demoRoleId(accountId: string, roleName: string): string {
  return `AROA${hexId(`role:${accountId}/${roleName}`, 17).toUpperCase()}`;
}

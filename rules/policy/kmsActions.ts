/**
 * Actions whose cross-account permission is effective (KMS developer guide, "Allowing users in
 * other accounts to use a KMS key"): cryptographic operations, CreateGrant, DescribeKey,
 * GetKeyRotationStatus, GetPublicKey, ListGrants, RetireGrant, RevokeGrant. Lower-cased.
 */
export const CROSS_ACCOUNT_KMS_ACTIONS: ReadonlySet<string> = new Set(
  [
    'Decrypt',
    'DeriveSharedSecret',
    'Encrypt',
    'GenerateDataKey',
    'GenerateDataKeyPair',
    'GenerateDataKeyPairWithoutPlaintext',
    'GenerateDataKeyWithoutPlaintext',
    'GenerateMac',
    'ReEncryptFrom',
    'ReEncryptTo',
    'Sign',
    'Verify',
    'VerifyMac',
    'CreateGrant',
    'DescribeKey',
    'GetKeyRotationStatus',
    'GetPublicKey',
    'ListGrants',
    'RetireGrant',
    'RevokeGrant',
  ].map((a) => `kms:${a.toLowerCase()}`),
);

/** `arn:aws:kms:REGION:ACCOUNT:key/ID` parts, or undefined when `arn` is not a key ARN. */
export function parseKeyArn(
  arn: string,
): { partition: string; region: string; accountId: string; keyId: string } | undefined {
  const m = /^arn:(aws|aws-cn|aws-us-gov):kms:([a-z0-9-]+):(\d{12}):key\/([A-Za-z0-9-]+)$/.exec(arn);
  if (!m) return undefined;
  return {
    partition: m[1] as string,
    region: m[2] as string,
    accountId: m[3] as string,
    keyId: m[4] as string,
  };
}

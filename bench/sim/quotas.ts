/** Request-rate quota and simulated service latency of one API. */
export interface ApiQuota {
  /** Bucket size (burst). */
  readonly bucket: number;
  /** Tokens added per second (sustained rate). */
  readonly refillPerSecond: number;
  /** Simulated service time of a successful call, in ms (an assumption: AWS publishes none). */
  readonly latencyMs: number;
  /** Extra service time per returned item (DescribeImages, DescribeSnapshots pages), in ms. */
  readonly perItemLatencyMs?: number;
  /** Where the quota comes from. */
  readonly source: string;
}

const EC2_NON_MUTATING =
  'EC2 API throttling, request token bucket of non-mutating actions: 100 tokens, 20/s refill, per API, account and Region (docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html)';
const KMS = (rate: number) =>
  `KMS request quota ${rate}/s per account and Region, no burst documented: modelled as a ${rate}-token bucket refilled at ${rate}/s (KMS developer guide, requests-per-second, awsdocs/aws-kms-developer-guide)`;
const CONFIG_ASSUMED =
  'ASSUMPTION: AWS publishes no PutEvaluations/GetComplianceDetailsByConfigRule rate (reference aws-config-facts §3, "NOT CONFIRMED"); modelled as 10 tokens, 10/s';
const IAM_ASSUMED =
  'ASSUMPTION: IAM publishes no per-API rates; modelled as 10 tokens, 5/s (GetAccountAuthorizationDetails is paginated and heavy)';

const ORG_ASSUMED =
  'ASSUMPTION: Organizations documents throttling (TooManyRequestsException) but no per-API rate; modelled as 20 tokens, 20/s';

/** The simulated AWS's quotas, by `service:Operation` (the live source's counter names). */
export const DEFAULT_QUOTAS: Readonly<Record<string, ApiQuota>> = {
  'ec2:DescribeImages': {
    bucket: 100,
    refillPerSecond: 20,
    latencyMs: 250,
    perItemLatencyMs: 0.05,
    source: EC2_NON_MUTATING,
  },
  'ec2:DescribeImageAttribute': { bucket: 100, refillPerSecond: 20, latencyMs: 40, source: EC2_NON_MUTATING },
  'ec2:DescribeSnapshots': {
    bucket: 100,
    refillPerSecond: 20,
    latencyMs: 120,
    perItemLatencyMs: 0.05,
    source: EC2_NON_MUTATING,
  },
  'ec2:GetEbsEncryptionByDefault': {
    bucket: 100,
    refillPerSecond: 20,
    latencyMs: 30,
    source: EC2_NON_MUTATING,
  },
  'ec2:GetEbsDefaultKmsKeyId': { bucket: 100, refillPerSecond: 20, latencyMs: 30, source: EC2_NON_MUTATING },
  'ec2:DescribeRegions': { bucket: 100, refillPerSecond: 20, latencyMs: 30, source: EC2_NON_MUTATING },
  'kms:ListKeys': { bucket: 100, refillPerSecond: 100, latencyMs: 30, source: KMS(100) },
  'kms:ListAliases': { bucket: 100, refillPerSecond: 100, latencyMs: 30, source: KMS(100) },
  'kms:ListGrants': { bucket: 100, refillPerSecond: 100, latencyMs: 30, source: KMS(100) },
  'kms:DescribeKey': { bucket: 1000, refillPerSecond: 1000, latencyMs: 15, source: KMS(1000) },
  'kms:GetKeyPolicy': { bucket: 1000, refillPerSecond: 1000, latencyMs: 15, source: KMS(1000) },
  'config:PutEvaluations': { bucket: 10, refillPerSecond: 10, latencyMs: 60, source: CONFIG_ASSUMED },
  'config:GetComplianceDetailsByConfigRule': {
    bucket: 10,
    refillPerSecond: 10,
    latencyMs: 60,
    source: CONFIG_ASSUMED,
  },
  'organizations:DescribeOrganization': {
    bucket: 20,
    refillPerSecond: 20,
    latencyMs: 50,
    source: ORG_ASSUMED,
  },
  'organizations:ListRoots': { bucket: 20, refillPerSecond: 20, latencyMs: 50, source: ORG_ASSUMED },
  'organizations:ListOrganizationalUnitsForParent': {
    bucket: 20,
    refillPerSecond: 20,
    latencyMs: 50,
    source: ORG_ASSUMED,
  },
  'organizations:ListAccountsForParent': {
    bucket: 20,
    refillPerSecond: 20,
    latencyMs: 50,
    source: ORG_ASSUMED,
  },
  'iam:GetAccountAuthorizationDetails': {
    bucket: 10,
    refillPerSecond: 5,
    latencyMs: 300,
    source: IAM_ASSUMED,
  },
};

/** The same quotas with every latency set to zero and buckets unbounded (fast deterministic tests). */
export function unthrottledQuotas(): Record<string, ApiQuota> {
  return Object.fromEntries(
    Object.entries(DEFAULT_QUOTAS).map(([api, q]) => [
      api,
      {
        ...q,
        bucket: 1e9,
        refillPerSecond: 1e9,
        latencyMs: 0,
        perItemLatencyMs: 0,
        source: 'tests: unbounded',
      },
    ]),
  );
}

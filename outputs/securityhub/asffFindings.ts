import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { Finding } from '../../rules/core/finding';
import type { RuleMetadata } from '../../rules/core/ruleMetadata';

/**
 * How findings become ASFF. `rules/output` (the CLI's `--format asff`) owns the mapping; the
 * Security Hub sink takes it as a function so both use the same one.
 */
export type AsffRenderer = (
  findings: readonly Finding[],
  options: AsffRenderOptions,
) => readonly AwsSecurityFinding[];

export interface AsffRenderOptions {
  /** Rule metadata by rule id (severity, title, remediation). */
  readonly rules: ReadonlyMap<string, RuleMetadata<unknown>>;
  /** `CreatedAt`/`UpdatedAt`. */
  readonly now: Date;
  readonly partition?: string;
}

/** The product ARN of custom findings imported by the account itself (reference §6). */
export function defaultProductArn(accountId: string, region: string, partition = 'aws'): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/** The GeneratorId of a rule's findings: the sink finds earlier findings of a rule by it. */
export function generatorIdFor(ruleId: string): string {
  return `ami-share-guard/${ruleId}`;
}

/**
 * The findings Security Hub gets: one per NON_COMPLIANT resource. A finding with
 * NON_COMPLIANT details (per-AMI under an account) yields its details; without them, itself.
 */
export function nonCompliantResources(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const failingDetails = (f.details ?? []).filter((d) => d.compliance === 'NON_COMPLIANT');
    if (failingDetails.length > 0)
      out.push(...failingDetails.map((d) => ({ ...d, ruleId: d.ruleId || f.ruleId })));
    else if (f.compliance === 'NON_COMPLIANT') out.push(f);
  }
  return out;
}

const RESOURCE_TYPES: Readonly<Record<string, string>> = {
  'AWS::::Account': 'AwsAccount',
  'AWS::KMS::Key': 'AwsKmsKey',
  'AWS::IAM::Role': 'AwsIamRole',
};

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A deterministic finding id per (rule, account, Region, resource): re-imports update it. */
export function asffFindingId(
  f: Pick<Finding, 'ruleId' | 'accountId' | 'region' | 'resourceType' | 'resourceId'>,
): string {
  return clip(
    `ami-share-guard/${f.ruleId}/${f.accountId}/${f.region}/${f.resourceType}/${f.resourceId}`,
    512,
  );
}

/**
 * The project's own ASFF mapping, used until `rules/output`'s `renderAsff` is wired in: one
 * FAILED finding per NON_COMPLIANT resource, severity and title from the rule's metadata, the fix
 * in `Remediation.Recommendation.Text`, scenario IDs in `Types` and `ProductFields`.
 */
export const renderAsffFindings: AsffRenderer = (findings, options) => {
  const partition = options.partition ?? 'aws';
  const at = options.now.toISOString();
  return nonCompliantResources(findings).map((f): AwsSecurityFinding => {
    const meta = options.rules.get(f.ruleId);
    const scenarios = [...new Set([...f.scenarios, ...f.reasons.flatMap((r) => r.scenarios ?? [])])];
    const text = f.reasons.map((r) => r.message).join(' ') || 'NON_COMPLIANT';
    const fixText = [
      f.fix?.summary,
      f.fix?.keyPolicyStatements ? JSON.stringify(f.fix.keyPolicyStatements) : undefined,
    ]
      .filter((s): s is string => !!s)
      .join(' ');
    return {
      SchemaVersion: '2018-10-08',
      Id: asffFindingId(f),
      ProductArn: defaultProductArn(f.accountId, f.region, partition),
      GeneratorId: generatorIdFor(f.ruleId),
      AwsAccountId: f.accountId,
      CreatedAt: at,
      UpdatedAt: at,
      Title: clip(meta?.title ?? f.ruleId, 256),
      Description: clip(text, 1024),
      FindingProviderFields: {
        Severity: { Label: meta?.severity ?? 'MEDIUM', Original: meta?.severity ?? 'MEDIUM' },
        Types: [
          'Software and Configuration Checks/AWS Security Best Practices/ami-share-guard',
          ...scenarios.map((s) => `Software and Configuration Checks/ami-share-guard/${s}`),
        ],
      },
      Remediation: { Recommendation: { Text: clip(fixText || meta?.remediation || text, 512) } },
      Resources: [
        {
          Type: RESOURCE_TYPES[f.resourceType] ?? 'Other',
          Id: f.resourceArn ?? f.resourceId,
          Partition: partition === 'aws' ? 'aws' : partition === 'aws-cn' ? 'aws-cn' : 'aws-us-gov',
          Region: f.region,
        },
      ],
      Compliance: { Status: 'FAILED' },
      RecordState: 'ACTIVE',
      ProductFields: {
        'ami-share-guard/RuleId': f.ruleId,
        'ami-share-guard/Scenarios': scenarios.join(','),
        'ami-share-guard/ResourceType': f.resourceType,
        ...(f.consumer ? { 'ami-share-guard/Consumer': f.consumer } : {}),
        ...(f.missingActions?.length ? { 'ami-share-guard/MissingActions': f.missingActions.join(',') } : {}),
      },
    };
  });
};

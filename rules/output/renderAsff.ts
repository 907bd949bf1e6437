import type { AwsSecurityFinding, SeverityLabel } from '@aws-sdk/client-securityhub';
import type { Finding } from '../core/finding';
import type { Severity } from '../core/ruleMetadata';
import { flattenFindings, nonCompliantResources } from './flattenFindings';
import type { FlatFinding } from './flattenFindings';
import { reasonsText, scenariosOf } from './findingText';
import type { ScanResult, ScanRuleInfo } from './scanResult';

/** ASFF limits used here (Security Hub API reference). */
export const ASFF_LIMITS = {
  title: 256,
  description: 1024,
  remediationText: 512,
  productFieldValue: 2048,
} as const;

export const ASFF_TYPE_PREFIX = 'Software and Configuration Checks/ami-share-guard';

export interface AsffOptions {
  /** Also map COMPLIANT evaluations (Compliance.Status PASSED), e.g. to resolve earlier findings. Default false. */
  readonly includeCompliant?: boolean;
  /** CreatedAt / UpdatedAt. Default: the scan's `generatedAt`. */
  readonly updatedAt?: string;
  readonly createdAt?: string;
}

const ASFF_RESOURCE_TYPES: Readonly<Record<string, string>> = {
  'AWS::KMS::Key': 'AwsKmsKey',
  'AWS::IAM::Role': 'AwsIamRole',
  'AWS::::Account': 'AwsAccount',
};

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The deterministic ASFF `Id` of a (rule, account, Region, resource): re-imports update the same finding. */
export function asffFindingId(
  f: Pick<Finding, 'ruleId' | 'accountId' | 'region' | 'resourceType' | 'resourceId'>,
): string {
  return `ami-share-guard/${f.ruleId}/${f.accountId}/${f.region}/${f.resourceType}/${f.resourceId}`;
}

/** The ARN (or Security Hub's `AWS::::Account:<id>` form) of a finding's resource. */
export function asffResourceId(f: Finding, partition: string): string {
  if (f.resourceArn) return f.resourceArn;
  if (f.resourceId.startsWith('arn:')) return f.resourceId;
  switch (f.resourceType) {
    case 'AWS::::Account':
      return `AWS::::Account:${f.resourceId}`;
    case 'AWS::EC2::Image':
      return `arn:${partition}:ec2:${f.region}::image/${f.resourceId}`;
    case 'AWS::KMS::Key':
      return `arn:${partition}:kms:${f.region}:${f.accountId}:key/${f.resourceId}`;
    default:
      return f.resourceId;
  }
}

/**
 * `Remediation.Recommendation.Text` (≤ 512 characters): the fix summary, then the first policy
 * statement or step to apply, compact.
 */
export function remediationText(f: Finding, rule: ScanRuleInfo | undefined): string {
  const fix = f.fix;
  if (!fix) return truncate(rule?.remediation ?? 'See the finding reasons.', ASFF_LIMITS.remediationText);
  const parts = [fix.summary];
  const statement = fix.keyPolicyStatements?.[0];
  if (statement)
    parts.push(`Add to the key policy${fix.keyArn ? ` of ${fix.keyArn}` : ''}: ${JSON.stringify(statement)}`);
  else if (fix.identityPolicy)
    parts.push(`Attach${fix.roleArn ? ` to ${fix.roleArn}` : ''}: ${JSON.stringify(fix.identityPolicy)}`);
  else if (fix.trustPolicy) parts.push(`Trust policy: ${JSON.stringify(fix.trustPolicy)}`);
  else if (fix.managedPolicyArns?.length) parts.push(`Attach ${fix.managedPolicyArns.join(', ')}`);
  else if (fix.steps?.length) parts.push(fix.steps.join(' '));
  return truncate(
    parts.map((p, i) => (i === 0 ? p.trim().replace(/[.:]?$/, '.') : p)).join(' '),
    ASFF_LIMITS.remediationText,
  );
}

function severityLabel(severity: Severity, passed: boolean): SeverityLabel {
  return passed ? 'INFORMATIONAL' : severity;
}

function toAsff(
  entry: FlatFinding,
  scan: ScanResult,
  rules: ReadonlyMap<string, ScanRuleInfo>,
  options: AsffOptions,
): AwsSecurityFinding {
  const { finding: f, parent } = entry;
  const rule = rules.get(f.ruleId);
  const passed = f.compliance === 'COMPLIANT';
  const scenarios = scenariosOf(f);
  const label = severityLabel(rule?.severity ?? 'MEDIUM', passed);
  const types =
    scenarios.length > 0
      ? scenarios.map((s) => `${ASFF_TYPE_PREFIX}/${s}`)
      : [`${ASFF_TYPE_PREFIX}/${f.ruleId}`];
  const updatedAt = options.updatedAt ?? scan.generatedAt;
  const productFields: Record<string, string> = {
    'ami-share-guard/RuleId': f.ruleId,
    'ami-share-guard/ComplianceType': f.compliance,
    'ami-share-guard/Scenarios': scenarios.join(','),
    'ami-share-guard/ResourceType': f.resourceType,
    'ami-share-guard/ResourceId': f.resourceId,
  };
  if (parent) productFields['ami-share-guard/EvaluationResourceId'] = parent.resourceId;
  if (f.consumer) productFields['ami-share-guard/Consumer'] = f.consumer;
  if (f.missingActions?.length) productFields['ami-share-guard/MissingActions'] = f.missingActions.join(',');
  const reasonCodes = f.reasons.map((r) => r.code).join(',');
  if (reasonCodes) productFields['ami-share-guard/ReasonCodes'] = reasonCodes;
  for (const [k, v] of Object.entries(productFields))
    productFields[k] = truncate(v, ASFF_LIMITS.productFieldValue);
  const subject = `${f.resourceType === 'AWS::EC2::Image' ? 'AMI' : f.resourceType} ${f.resourceId}`;
  const description = passed
    ? `${subject} in ${f.accountId}/${f.region} passes ${f.ruleId}.`
    : `${subject} in ${f.accountId}/${f.region}: ${reasonsText(f) || 'non-compliant'}`;
  return {
    SchemaVersion: '2018-10-08',
    Id: asffFindingId(f),
    ProductArn: `arn:${scan.partition}:securityhub:${f.region}:${f.accountId}:product/${f.accountId}/default`,
    ProductName: 'ami-share-guard',
    CompanyName: 'ami-share-guard',
    GeneratorId: `ami-share-guard/${f.ruleId}`,
    AwsAccountId: f.accountId,
    Region: f.region,
    Types: types,
    CreatedAt: options.createdAt ?? updatedAt,
    UpdatedAt: updatedAt,
    Severity: { Label: label, Original: rule?.severity ?? 'MEDIUM' },
    FindingProviderFields: { Severity: { Label: label, Original: rule?.severity ?? 'MEDIUM' }, Types: types },
    Title: truncate(`${rule?.title ?? f.ruleId}: ${subject}`, ASFF_LIMITS.title),
    Description: truncate(description, ASFF_LIMITS.description),
    Remediation: { Recommendation: { Text: remediationText(f, rule) } },
    ProductFields: productFields,
    Resources: [
      {
        Type: ASFF_RESOURCE_TYPES[f.resourceType] ?? 'Other',
        Id: asffResourceId(f, scan.partition),
        Partition:
          scan.partition === 'aws' || scan.partition === 'aws-cn' || scan.partition === 'aws-us-gov'
            ? scan.partition
            : 'aws',
        Region: f.region,
        ...(f.resourceType in ASFF_RESOURCE_TYPES
          ? {}
          : { Details: { Other: { ConfigResourceType: f.resourceType } } }),
      },
    ],
    Compliance: {
      Status: passed ? 'PASSED' : f.compliance === 'NOT_APPLICABLE' ? 'NOT_AVAILABLE' : 'FAILED',
      ...(scenarios.length > 0 ? { RelatedRequirements: scenarios.map((s) => `ami-share-guard ${s}`) } : {}),
    },
    RecordState: 'ACTIVE',
  };
}

/**
 * ASFF findings for a scan, ready for BatchImportFindings: one per NON_COMPLIANT resource (each
 * per-AMI detail is its own finding; an evaluation whose details carry the failures is not repeated),
 * severity from the rule's metadata, the fix in `Remediation.Recommendation.Text`, scenario IDs in
 * `Types` and `ProductFields`, a deterministic `Id` per (rule, account, Region, resource).
 * With `includeCompliant`, COMPLIANT evaluations and details come too, as PASSED.
 */
export function renderAsff(scan: ScanResult, options: AsffOptions = {}): AwsSecurityFinding[] {
  const rules = new Map(scan.rules.map((r) => [r.id, r]));
  const failing = nonCompliantResources(scan.findings);
  const passing = options.includeCompliant
    ? flattenFindings(scan.findings).filter(({ finding }) => finding.compliance === 'COMPLIANT')
    : [];
  const seen = new Set<string>();
  const out: AwsSecurityFinding[] = [];
  for (const entry of [...failing, ...passing]) {
    const asff = toAsff(entry, scan, rules, options);
    if (asff.Id === undefined || seen.has(asff.Id)) continue;
    seen.add(asff.Id);
    out.push(asff);
  }
  return out;
}

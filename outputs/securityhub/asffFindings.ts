import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { Finding } from '../../rules/core/finding';
import type { RuleMetadata } from '../../rules/core/ruleMetadata';
import type { AsffOptions } from '../../rules/output/renderAsff';
import { SCAN_FORMAT_VERSION, type ScanResult } from '../../rules/output/scanResult';

/**
 * How findings become ASFF: `rules/output`'s `renderAsff`, the mapping `scan --format asff` uses
 * too. The sink takes it as an option so tests can observe it.
 */
export type AsffRenderer = (scan: ScanResult, options?: AsffOptions) => AwsSecurityFinding[];

/** The product ARN of custom findings imported by the account itself (reference §6). */
export function defaultProductArn(accountId: string, region: string, partition = 'aws'): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/** The GeneratorId `renderAsff` gives a rule's findings: the sink finds earlier ones by it. */
export function generatorIdFor(ruleId: string): string {
  return `ami-share-guard/${ruleId}`;
}

/** A rule run's findings as the scan result every renderer takes. */
export function scanOfRun(
  metadata: RuleMetadata<unknown>,
  findings: readonly Finding[],
  scope: {
    readonly accountId: string;
    readonly region: string;
    readonly partition: string;
    readonly at: Date;
  },
): ScanResult {
  return {
    formatVersion: SCAN_FORMAT_VERSION,
    tool: { name: 'ami-share-guard', version: process.env['AMI_SHARE_GUARD_VERSION'] ?? '0.1.0' },
    generatedAt: scope.at.toISOString(),
    source: { kind: 'config-rule', description: `${metadata.id} in ${scope.accountId} ${scope.region}` },
    partition: scope.partition,
    rules: [
      {
        id: metadata.id,
        title: metadata.title,
        severity: metadata.severity,
        scenarios: [...metadata.scenarios],
        remediation: metadata.remediation,
      },
    ],
    accounts: [{ id: scope.accountId }],
    regions: [scope.region],
    findings: findings.map((f) => (f.ruleId ? f : { ...f, ruleId: metadata.id })),
  };
}

import {
  paginateGetFindings,
  type AwsSecurityFinding,
  type SecurityHubClient,
  type StringFilter,
} from '@aws-sdk/client-securityhub';
import type { TokenBucket } from './TokenBucket';

export interface ActiveFindingsQuery {
  readonly client: SecurityHubClient;
  readonly productArn: string;
  readonly generatorId: string;
  readonly accountId: string;
  readonly region: string;
  /** Paces GetFindings (3 TPS per account and Region). */
  readonly bucket: TokenBucket;
}

const eq = (value: string): StringFilter[] => [{ Value: value, Comparison: 'EQUALS' }];

/**
 * The rule's findings still open in Security Hub for one account and Region: ACTIVE and FAILED,
 * imported by the account itself under the rule's GeneratorId. Paginated with the SDK paginator.
 * The filters are applied again to what comes back, so a service (or emulator) that ignores a
 * filter can never make the sink close another rule's, another account's or an archived finding.
 */
export async function activeFailedFindings(query: ActiveFindingsQuery): Promise<AwsSecurityFinding[]> {
  const out: AwsSecurityFinding[] = [];
  const pages = paginateGetFindings(
    { client: query.client, pageSize: 100 },
    {
      Filters: {
        ProductArn: eq(query.productArn),
        GeneratorId: eq(query.generatorId),
        AwsAccountId: eq(query.accountId),
        Region: eq(query.region),
        RecordState: eq('ACTIVE'),
        ComplianceStatus: eq('FAILED'),
      },
    },
  );
  // The paginator makes the next request when the loop asks for the next page: pace each.
  await query.bucket.take();
  for await (const page of pages) {
    out.push(
      ...(page.Findings ?? []).filter(
        (f) =>
          f.ProductArn === query.productArn &&
          f.GeneratorId === query.generatorId &&
          f.AwsAccountId === query.accountId &&
          (f.Region === undefined || f.Region === query.region) &&
          (f.RecordState ?? 'ACTIVE') === 'ACTIVE' &&
          f.Compliance?.Status === 'FAILED',
      ),
    );
    if (page.NextToken) await query.bucket.take();
  }
  return out;
}

/**
 * The update that closes a finding whose resource is now compliant (or gone): same Id, a newer
 * `UpdatedAt`, `Compliance.Status: PASSED` and `RecordState: ARCHIVED`. BatchImportFindings
 * cannot set `Workflow` (reference §6): archiving is the provider's way to resolve; if the
 * resource fails again, the FAILED + ACTIVE re-import makes Security Hub reset the workflow to NEW.
 */
export function resolvedUpdate(previous: AwsSecurityFinding, now: Date, why: string): AwsSecurityFinding {
  const at = now.toISOString();
  return {
    SchemaVersion: previous.SchemaVersion ?? '2018-10-08',
    Id: previous.Id,
    ProductArn: previous.ProductArn,
    GeneratorId: previous.GeneratorId,
    AwsAccountId: previous.AwsAccountId,
    CreatedAt: previous.CreatedAt,
    UpdatedAt: at,
    Title: previous.Title,
    Description: `${why} ${previous.Description ?? ''}`.trim().slice(0, 1024),
    Resources: previous.Resources,
    // A passed check is informational (as Security Hub's own controls report it); the rule's
    // severity stays in `Original`.
    FindingProviderFields: {
      ...previous.FindingProviderFields,
      Severity: {
        Label: 'INFORMATIONAL',
        ...(previous.FindingProviderFields?.Severity?.Original
          ? { Original: previous.FindingProviderFields.Severity.Original }
          : {}),
      },
    },
    ...(previous.ProductFields ? { ProductFields: previous.ProductFields } : {}),
    Compliance: { Status: 'PASSED' },
    RecordState: 'ARCHIVED',
  };
}

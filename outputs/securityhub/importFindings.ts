import {
  BatchImportFindingsCommand,
  type AwsSecurityFinding,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import type { FailedImport } from './SecurityHubImportError';
import type { TokenBucket } from './TokenBucket';

/** BatchImportFindings limits (reference §6): 100 findings, 6 MB a request, 240 KB a finding. */
export const BATCH_IMPORT_MAX_FINDINGS = 100;
export const BATCH_IMPORT_MAX_BYTES = 6 * 1024 * 1024;
export const FINDING_MAX_BYTES = 240 * 1024;

export interface ImportFindingsOptions {
  /** A client with the credentials of the account that owns every finding (`AwsAccountId`). */
  readonly client: Pick<SecurityHubClient, 'send'>;
  readonly findings: readonly AwsSecurityFinding[];
  /** Paces the calls (BatchImportFindings: 10 TPS per account and Region). */
  readonly bucket: TokenBucket;
}

export interface ImportOutcome {
  readonly imported: number;
  readonly calls: number;
  readonly failed: readonly FailedImport[];
}

const encoder = new TextEncoder();
const sizeOf = (f: AwsSecurityFinding): number => encoder.encode(JSON.stringify(f)).length;

/** Splits findings into requests of at most 100 findings and 6 MB (JSON size, with room for the envelope). */
export function batchFindings(findings: readonly AwsSecurityFinding[]): AwsSecurityFinding[][] {
  const batches: AwsSecurityFinding[][] = [];
  let current: AwsSecurityFinding[] = [];
  let bytes = 0;
  const room = BATCH_IMPORT_MAX_BYTES - 1024;
  for (const f of findings) {
    const size = sizeOf(f) + 1;
    if (current.length === BATCH_IMPORT_MAX_FINDINGS || (current.length > 0 && bytes + size > room)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Imports findings in batches (≤ 100, ≤ 6 MB), each call paced by the bucket. Findings over
 * 240 KB are not sent; they and the ones Security Hub refuses (`FailedFindings`) come back in
 * `failed`, named. A whole-request error (throttling past the SDK's retries, AccessDenied) throws.
 */
export async function importFindings(options: ImportFindingsOptions): Promise<ImportOutcome> {
  const failed: FailedImport[] = [];
  const sendable: AwsSecurityFinding[] = [];
  for (const f of options.findings) {
    const size = sizeOf(f);
    if (size > FINDING_MAX_BYTES) {
      failed.push({
        id: f.Id ?? '(no Id)',
        accountId: f.AwsAccountId ?? '',
        errorCode: 'FindingTooLarge',
        errorMessage: `${size} bytes, over Security Hub's ${FINDING_MAX_BYTES}-byte limit per finding`,
      });
    } else sendable.push(f);
  }
  let imported = 0;
  let calls = 0;
  for (const batch of batchFindings(sendable)) {
    await options.bucket.take();
    const out = await options.client.send(new BatchImportFindingsCommand({ Findings: batch }));
    calls++;
    imported += out.SuccessCount ?? 0;
    const accountOf = new Map(batch.map((f) => [f.Id, f.AwsAccountId ?? '']));
    for (const e of out.FailedFindings ?? []) {
      failed.push({
        id: e.Id ?? '(unknown)',
        accountId: accountOf.get(e.Id) ?? '',
        errorCode: e.ErrorCode ?? 'Unknown',
        errorMessage: e.ErrorMessage ?? '',
      });
    }
  }
  return { imported, calls, failed };
}

import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { ScanResult } from '../../rules/output/scanResult';
import type { ScanSummary } from '../../rules/output/summarizeScan';

/** The three files a report run writes, rendered by the same renderers as `report`. */
export interface RenderedReport {
  readonly json: string;
  readonly csv: string;
  readonly html: string;
}

export interface PublishReportOptions {
  readonly s3: Pick<S3Client, 'send'>;
  readonly bucket: string;
  /** Key prefix, e.g. `reports/` (a trailing slash is added when missing). */
  readonly prefix: string;
  readonly scan: ScanResult;
  readonly summary: ScanSummary;
  readonly rendered: RenderedReport;
  /** Optional notice. */
  readonly sns?: { readonly client: Pick<SNSClient, 'send'>; readonly topicArn: string };
}

export interface PublishedReport {
  readonly keys: { readonly json: string; readonly csv: string; readonly html: string };
  readonly noticeMessageId?: string;
}

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;

/** `reports/2026/11/23/ami-share-guard-20261123T180000Z` from the scan time. */
export function reportKeyBase(prefix: string, generatedAt: string): string {
  const p = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  const [date = '', time = ''] = generatedAt.split('T');
  const [y, m, d] = date.split('-');
  const stamp = `${date.replaceAll('-', '')}T${time.slice(0, 8).replaceAll(':', '')}Z`;
  return `${p}${y}/${m}/${d}/ami-share-guard-${stamp}`;
}

/** The SNS notice: ≤ 100-character subject, counts and where the files are. */
export function reportNotice(
  scan: ScanResult,
  summary: ScanSummary,
  bucket: string,
  keys: PublishedReport['keys'],
): { subject: string; message: string } {
  const incomplete = (scan.unknownFacts?.length ?? 0) > 0;
  const subject = `ami-share-guard: ${summary.evaluations.NON_COMPLIANT} non-compliant${incomplete ? ' (incomplete)' : ''}`;
  const lines = [
    `ami-share-guard compliance report, ${scan.generatedAt}`,
    `Evaluations: ${summary.evaluations.total} (${summary.evaluations.NON_COMPLIANT} NON_COMPLIANT, ${summary.evaluations.COMPLIANT} COMPLIANT, ${summary.evaluations.NOT_APPLICABLE} NOT_APPLICABLE)`,
    ...summary.byRule
      .filter((r) => r.NON_COMPLIANT > 0)
      .map((r) => `  ${r.id} (${r.severity}): ${r.NON_COMPLIANT} NON_COMPLIANT`),
    ...(incomplete
      ? ['Could not read (the report is incomplete):', ...(scan.unknownFacts ?? []).map((u) => `  ${u}`)]
      : []),
    `HTML: s3://${bucket}/${keys.html}`,
    `CSV:  s3://${bucket}/${keys.csv}`,
    `JSON: s3://${bucket}/${keys.json}`,
  ];
  return { subject: subject.slice(0, 100), message: lines.join('\n') };
}

/** Writes the JSON, CSV and HTML report to S3 (the bucket's default encryption applies), then the notice. */
export async function publishReport(options: PublishReportOptions): Promise<PublishedReport> {
  const base = reportKeyBase(options.prefix, options.scan.generatedAt);
  const keys = { json: `${base}.json`, csv: `${base}.csv`, html: `${base}.html` };
  for (const kind of ['json', 'csv', 'html'] as const) {
    await options.s3.send(
      new PutObjectCommand({
        Bucket: options.bucket,
        Key: keys[kind],
        Body: options.rendered[kind],
        ContentType: CONTENT_TYPES[kind],
      }),
    );
  }
  if (!options.sns) return { keys };
  const notice = reportNotice(options.scan, options.summary, options.bucket, keys);
  const out = await options.sns.client.send(
    new PublishCommand({ TopicArn: options.sns.topicArn, Subject: notice.subject, Message: notice.message }),
  );
  return { keys, ...(out.MessageId ? { noticeMessageId: out.MessageId } : {}) };
}

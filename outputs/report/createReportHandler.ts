import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { createJsonLogger, type Logger } from '../../rules/core/logger';
import { renderCsv } from '../../rules/output/renderCsv';
import { renderHtml } from '../../rules/output/renderHtml';
import { renderJson } from '../../rules/output/renderJson';
import { summarizeScan } from '../../rules/output/summarizeScan';
import { complianceScan } from './complianceScan';
import { publishReport, type PublishedReport } from './publishReport';
import { readAggregateCompliance } from './readAggregateCompliance';
import { reportSettingsFrom, type ReportSettings } from './reportSettings';

export interface ReportHandlerOptions {
  /**
   * Default: from the environment ({@link reportSettingsFrom}), the pack's rules included
   * (`PACK_RULES`, written at synth time from `allRules`).
   */
  readonly settings?: ReportSettings;
  readonly config?: ConfigServiceClient;
  readonly s3?: S3Client;
  readonly sns?: SNSClient;
  readonly now?: () => Date;
  readonly logger?: Logger;
  readonly partition?: string;
  /** Aggregator call pace and its clock (tests). */
  readonly requestsPerSecond?: number;
  readonly clock?: { now: () => number; sleep?: (ms: number) => Promise<void> };
}

export interface ReportRunSummary extends PublishedReport {
  readonly deployedRules: number;
  readonly evaluations: number;
  readonly nonCompliant: number;
  /** false when some results could not be read (named in the report and the log). */
  readonly complete: boolean;
  readonly durationMs: number;
}

const clientConfig = (region: string | undefined) => ({
  retryMode: 'adaptive' as const,
  maxAttempts: 8,
  ...(region ? { region } : {}),
});

/**
 * The scheduled report: reads the pack's compliance through the organization aggregator, renders
 * it as JSON, CSV and HTML with the renderers `ami-share-guard report` uses, writes the files to
 * the report bucket and, when a topic is configured, sends a notice. Logs one JSON summary line.
 */
export function createReportHandler(
  options: ReportHandlerOptions = {},
): (event?: unknown) => Promise<ReportRunSummary> {
  const logger = (options.logger ?? createJsonLogger()).child({ function: 'ami-share-guard-report' });
  const now = options.now ?? (() => new Date());
  return async () => {
    const started = now();
    try {
      const settings = options.settings ?? reportSettingsFrom(process.env);
      const config = options.config ?? new ConfigServiceClient(clientConfig(settings.region));
      const s3 = options.s3 ?? new S3Client(clientConfig(settings.region));
      const data = await readAggregateCompliance({
        client: config,
        aggregatorName: settings.aggregatorName,
        ruleIds: settings.rules.map((r) => r.id),
        ...(options.requestsPerSecond ? { requestsPerSecond: options.requestsPerSecond } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
      });
      const scan = complianceScan(data, settings.rules, {
        aggregatorName: settings.aggregatorName,
        generatedAt: started,
        ...(options.partition ? { partition: options.partition } : {}),
      });
      const summary = summarizeScan(scan);
      const published = await publishReport({
        s3,
        bucket: settings.bucket,
        prefix: settings.prefix,
        scan,
        summary,
        rendered: { json: renderJson(scan), csv: renderCsv(scan), html: renderHtml(scan) },
        ...(settings.topicArn
          ? {
              sns: {
                client: options.sns ?? new SNSClient(clientConfig(settings.region)),
                topicArn: settings.topicArn,
              },
            }
          : {}),
      });
      const result: ReportRunSummary = {
        ...published,
        deployedRules: data.rules.length,
        evaluations: summary.evaluations.total,
        nonCompliant: summary.evaluations.NON_COMPLIANT,
        complete: data.unreadable.length === 0,
        durationMs: now().getTime() - started.getTime(),
      };
      if (result.complete) logger.info('report written', { ...result });
      else logger.error('report written incomplete', { ...result, unreadable: data.unreadable });
      return result;
    } catch (error) {
      logger.error('report failed', { error, durationMs: now().getTime() - started.getTime() });
      throw error;
    }
  };
}

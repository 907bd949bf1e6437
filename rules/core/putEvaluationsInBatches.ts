import {
  PutEvaluationsCommand,
  type ConfigServiceClient,
  type Evaluation,
} from '@aws-sdk/client-config-service';
import { PutEvaluationsFailedError } from './errors';
import type { Logger } from './logger';

/** PutEvaluations accepts at most 100 evaluations per call (reference §3). */
export const PUT_EVALUATIONS_BATCH_SIZE = 100;

export interface PutEvaluationsOptions {
  readonly client: Pick<ConfigServiceClient, 'send'>;
  readonly evaluations: readonly Evaluation[];
  readonly resultToken: string;
  readonly testMode?: boolean;
  /** Retries of the FailedEvaluations of a batch (default 3). */
  readonly maxRetries?: number;
  /** First backoff delay, doubled each retry (default 200 ms). */
  readonly baseDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly logger?: Logger;
}

export interface PutEvaluationsOutcome {
  /** Evaluations Config accepted. */
  readonly put: number;
  /** PutEvaluations calls made (retries included). */
  readonly calls: number;
  /** Evaluations retried at least once. */
  readonly retried: number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function keyOf(e: Evaluation): string {
  return `${e.ComplianceResourceType ?? ''}\u0000${e.ComplianceResourceId ?? ''}\u0000${e.ComplianceType ?? ''}`;
}

/**
 * Sends `evaluations` in batches of at most 100. FailedEvaluations are retried (only those,
 * with exponential backoff, `maxRetries` times); every batch is still sent, then the ones that
 * never went through are raised as a {@link PutEvaluationsFailedError} that names them.
 * Service errors (throttling included) are retried by the SDK's adaptive retry mode; a call that
 * still fails fails its batch only (the error becomes the raised error's `cause`).
 */
export async function putEvaluationsInBatches(
  options: PutEvaluationsOptions,
): Promise<PutEvaluationsOutcome> {
  const maxRetries = options.maxRetries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 200;
  const sleep = options.sleep ?? defaultSleep;
  let calls = 0;
  let put = 0;
  let retried = 0;
  const permanentlyFailed: Evaluation[] = [];
  let firstError: unknown;

  for (let start = 0; start < options.evaluations.length; start += PUT_EVALUATIONS_BATCH_SIZE) {
    let pending = options.evaluations.slice(start, start + PUT_EVALUATIONS_BATCH_SIZE);
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await sleep(baseDelayMs * 2 ** (attempt - 1));
      calls += 1;
      let out;
      try {
        out = await options.client.send(
          new PutEvaluationsCommand({
            Evaluations: pending,
            ResultToken: options.resultToken,
            ...(options.testMode ? { TestMode: true } : {}),
          }),
        );
      } catch (error) {
        // The SDK already retried (throttling, transient errors): this batch is failed, but the
        // next batches are still sent; the error is raised at the end, naming every unsent one.
        firstError ??= error;
        permanentlyFailed.push(...pending);
        options.logger?.error('PutEvaluations call failed; continuing with the next batch', {
          error,
          evaluations: pending.length,
        });
        break;
      }
      const failedKeys = new Set((out.FailedEvaluations ?? []).map(keyOf));
      const failed = pending.filter((e) => failedKeys.has(keyOf(e)));
      put += pending.length - failed.length;
      if (failed.length === 0) break;
      if (attempt >= maxRetries) {
        permanentlyFailed.push(...failed);
        break;
      }
      retried += attempt === 0 ? failed.length : 0;
      options.logger?.warn('PutEvaluations returned FailedEvaluations; retrying them', {
        failed: failed.length,
        attempt: attempt + 1,
      });
      pending = failed;
    }
  }

  if (permanentlyFailed.length > 0) {
    throw new PutEvaluationsFailedError(
      permanentlyFailed.map((e) => ({
        resourceType: e.ComplianceResourceType ?? '',
        resourceId: e.ComplianceResourceId ?? '',
        complianceType: e.ComplianceType ?? '',
      })),
      maxRetries + 1,
      firstError === undefined ? undefined : { cause: firstError },
    );
  }
  return { put, calls, retried };
}

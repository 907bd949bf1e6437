import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { SyntheticOrganization } from '../synthetic/syntheticModel';
import { ConfigStore } from './configApi';
import { EC2_OPERATIONS, ec2ErrorBody } from './ec2Api';
import type { FaultPlan } from './faultPlan';
import { coin } from './faultPlan';
import { KMS_OPERATIONS } from './kmsApi';
import { ORGANIZATIONS_OPERATIONS } from './organizationsApi';
import type { ApiQuota } from './quotas';
import { DEFAULT_QUOTAS } from './quotas';
import type { OperationHandler, SimCallContext, SimResponse, StoredEvaluation } from './simTypes';
import { SimError } from './simTypes';
import { TokenBucket } from './TokenBucket';

export interface SimulatedAwsOptions {
  readonly org: SyntheticOrganization;
  readonly quotas?: Readonly<Record<string, ApiQuota>>;
  readonly faults?: FaultPlan;
  /** Milliseconds clock for the token buckets (default `performance.now`). */
  readonly now?: () => number;
}

/** What the simulated AWS saw, by `service:Operation`. Attempts include the SDK's retries. */
export interface SimStats {
  readonly attempts: Record<string, number>;
  readonly succeeded: Record<string, number>;
  /** Throttled by the rate limit (bucket empty). */
  readonly throttledByQuota: Record<string, number>;
  /** Throttled, reset, timed out or denied by the fault plan. */
  readonly injected: Record<string, number>;
  /** Other errors returned (NotFound, validation, …), by `api code`. */
  readonly errors: Record<string, number>;
}

const THROTTLE: Record<string, { code: string; status: number; message: string }> = {
  ec2: { code: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' },
  kms: {
    code: 'ThrottlingException',
    status: 400,
    message: 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.',
  },
  config: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
  iam: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
  organizations: {
    code: 'TooManyRequestsException',
    status: 400,
    message: "AWS Organizations can't complete your request because another request is already in progress.",
  },
};
const DENIED: Record<string, { code: string; status: number }> = {
  ec2: { code: 'UnauthorizedOperation', status: 403 },
  kms: { code: 'AccessDeniedException', status: 400 },
  config: { code: 'AccessDeniedException', status: 400 },
  iam: { code: 'AccessDenied', status: 403 },
};

const ACCESS_KEY_PREFIX = 'AKIASIM';

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());

/**
 * A simulated AWS for benchmarks and resilience tests: an in-process HTTP endpoint that speaks
 * the wire protocols of EC2 (query/XML), KMS and Config (JSON 1.1), answers from a synthetic
 * organization, applies AWS's token-bucket rate limits per account, Region and API with a
 * simulated service time, and injects faults. Errors carry the real codes and HTTP statuses, so
 * the SDK's own retry strategy is what gets exercised. The account is the one whose
 * {@link credentialsFor} signed the request.
 */
export class SimulatedAws {
  readonly config: ConfigStore;
  private readonly stats_: SimStats = {
    attempts: {},
    succeeded: {},
    throttledByQuota: {},
    injected: {},
    errors: {},
  };
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly seen = new Map<string, number>();
  private readonly quotas: Readonly<Record<string, ApiQuota>>;
  private readonly now: () => number;

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    private readonly options: SimulatedAwsOptions,
  ) {
    this.quotas = options.quotas ?? DEFAULT_QUOTAS;
    this.now = options.now ?? (() => performance.now());
    this.config = new ConfigStore(options.faults?.failEvaluation);
  }

  static async start(options: SimulatedAwsOptions): Promise<SimulatedAws> {
    const holder: { sim?: SimulatedAws } = {};
    const server = createServer((req, res) => {
      void holder.sim?.handle(req, res);
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.sim = new SimulatedAws(server, `http://127.0.0.1:${port}`, options);
    return holder.sim;
  }

  /** Credentials that make the simulator treat requests as coming from `accountId`. */
  static credentialsFor(accountId: string): AwsCredentialIdentity {
    return { accessKeyId: `${ACCESS_KEY_PREFIX}${accountId}`, secretAccessKey: 'simulated' };
  }

  stats(): SimStats {
    return structuredClone(this.stats_);
  }

  evaluations(accountId: string, ruleName: string): StoredEvaluation[] {
    return this.config.evaluations(accountId, ruleName);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private bucket(api: string, accountId: string, region: string): TokenBucket | undefined {
    const q = this.quotas[api];
    if (!q) return undefined;
    const key = `${api}|${accountId}|${region}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = new TokenBucket(q.bucket, q.refillPerSecond, this.now);
      this.buckets.set(key, b);
    }
    return b;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const auth = req.headers['authorization'] ?? '';
    const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(auth);
    const service = scope?.[3] ?? 'unknown';
    const region = scope?.[2] ?? 'us-east-1';
    const accountId = /(\d{12})/.exec(scope?.[1] ?? '')?.[1] ?? '000000000000';
    const target = req.headers['x-amz-target'];
    let operation: string;
    let params: Record<string, unknown>;
    if (typeof target === 'string') {
      operation = target.split('.')[1] ?? '';
      params = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    } else {
      params = Object.fromEntries(new URLSearchParams(body));
      operation = String(params['Action'] ?? '');
    }
    const api = `${service}:${operation}`;
    bump(this.stats_.attempts, api);
    const faults = this.options.faults ?? {};
    const requestKey = `${accountId}|${region}|${api}|${body}`;
    const attempt = (this.seen.get(requestKey) ?? 0) + 1;
    this.seen.set(requestKey, attempt);
    const seed = faults.seed ?? 1;
    const inScope = !faults.apis || faults.apis.includes(api);
    const quota = this.quotas[api];
    const latency = quota?.latencyMs ?? 0;

    if (faults.hang?.includes(api)) {
      bump(this.stats_.injected, `${api} hang`);
      return; // never answered: stop() closes the connection
    }
    if (inScope && faults.resetRate && coin(seed, requestKey, attempt, 'reset') < faults.resetRate) {
      bump(this.stats_.injected, `${api} reset`);
      req.socket.destroy();
      return;
    }
    if (inScope && faults.timeoutRate && coin(seed, requestKey, attempt, 'timeout') < faults.timeoutRate) {
      bump(this.stats_.injected, `${api} timeout`);
      await sleep(faults.timeoutMs ?? 1000);
      req.socket.destroy();
      return;
    }
    const denied = faults.accessDenied?.some(
      (d) =>
        (d.accountId === undefined || d.accountId === accountId) &&
        (d.api === undefined || d.api === api) &&
        (d.service === undefined || d.service === service),
    );
    if (denied) {
      bump(this.stats_.injected, `${api} denied`);
      const d = DENIED[service] ?? { code: 'AccessDenied', status: 403 };
      return this.sendError(
        res,
        service,
        d.code,
        `User: arn:aws:sts::${accountId}:assumed-role/sim is not authorized to perform: ${api}`,
        d.status,
        latency,
      );
    }
    const throttle = THROTTLE[service] ?? {
      code: 'ThrottlingException',
      status: 400,
      message: 'Rate exceeded',
    };
    const injectedThrottle =
      (inScope &&
        faults.throttleRate !== undefined &&
        coin(seed, requestKey, attempt, 'throttle') < faults.throttleRate) ||
      (faults.throttleWhen?.(api, params, attempt) ?? false);
    if (injectedThrottle) {
      bump(this.stats_.injected, `${api} throttled`);
      return this.sendError(res, service, throttle.code, throttle.message, throttle.status, 0);
    }
    const bucket = this.bucket(api, accountId, region);
    if (bucket && !bucket.take()) {
      bump(this.stats_.throttledByQuota, api);
      return this.sendError(res, service, throttle.code, throttle.message, throttle.status, 0);
    }
    let out: SimResponse;
    try {
      out = this.dispatch(service, operation, params, accountId, region);
    } catch (error) {
      const e = error instanceof SimError ? error : new SimError('InternalFailure', String(error), 500);
      bump(this.stats_.errors, `${api} ${e.code}`);
      return this.sendError(res, service, e.code, e.message, e.status, latency);
    }
    await sleep(latency + (quota?.perItemLatencyMs ?? 0) * (out.items ?? 0));
    bump(this.stats_.succeeded, api);
    res.writeHead(200, { 'content-type': out.contentType, 'x-amzn-requestid': 'sim' });
    res.end(out.body);
  }

  private dispatch(
    service: string,
    operation: string,
    params: Record<string, unknown>,
    accountId: string,
    region: string,
  ): SimResponse {
    const account = this.options.org.accounts.find((a) => a.accountId === accountId);
    const ctx: SimCallContext = {
      org: this.options.org,
      accountId,
      region,
      account,
      regionState: account?.regions.find((r) => r.region === region),
    };
    if (service === 'config') {
      if (operation === 'PutEvaluations') return this.config.putEvaluations(accountId, params);
      if (operation === 'GetComplianceDetailsByConfigRule')
        return this.config.complianceDetails(accountId, params);
    }
    const table: Readonly<Record<string, OperationHandler>> | undefined =
      service === 'ec2'
        ? EC2_OPERATIONS
        : service === 'kms'
          ? KMS_OPERATIONS
          : service === 'organizations'
            ? ORGANIZATIONS_OPERATIONS
            : undefined;
    const handler = table?.[operation];
    if (!handler)
      throw new SimError(
        'UnsupportedOperation',
        `the simulated AWS does not implement ${service}:${operation}`,
        501,
      );
    return handler(params, ctx);
  }

  private async sendError(
    res: ServerResponse,
    service: string,
    code: string,
    message: string,
    status: number,
    latencyMs: number,
  ): Promise<void> {
    await sleep(latencyMs);
    if (service === 'ec2' || service === 'iam') {
      const body =
        service === 'ec2'
          ? ec2ErrorBody(code, message)
          : `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>sim</RequestId></ErrorResponse>`;
      res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' });
      res.end(body);
      return;
    }
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code });
    res.end(JSON.stringify({ __type: code, message }));
  }
}

import { AccountClient } from '@aws-sdk/client-account';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { ImagebuilderClient } from '@aws-sdk/client-imagebuilder';
import { KMSClient } from '@aws-sdk/client-kms';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AwsClientConfig } from '../../core/ruleDefinition';
import { ApiCallCounter } from './ApiCallCounter';
import { Semaphore } from './Semaphore';

/** SDK client configuration for an (account, Region): the runtime's `ctx.awsConfigFor`, or the CLI's. */
export type ClientConfigFor = (
  accountId: string,
  region: string,
) => Omit<AwsClientConfig, 'retryMode' | 'maxAttempts'> &
  Partial<Pick<AwsClientConfig, 'retryMode' | 'maxAttempts'>>;

const SERVICES = {
  account: AccountClient,
  ec2: EC2Client,
  iam: IAMClient,
  imagebuilder: ImagebuilderClient,
  kms: KMSClient,
  organizations: OrganizationsClient,
} as const;
type ServiceName = keyof typeof SERVICES;
type ClientOf<S extends ServiceName> = InstanceType<(typeof SERVICES)[S]>;

export interface AwsClientsOptions {
  readonly configFor: ClientConfigFor;
  readonly counter?: ApiCallCounter;
  /** Calls in flight per API (e.g. `kms:GetKeyPolicy`) across accounts and Regions. Default 8. */
  readonly concurrencyPerApi?: number;
  /** Attempts per call with adaptive retries (default 6), when the config does not set them. */
  readonly maxAttempts?: number;
}

/**
 * One SDK client per (service, account, Region), created on first use with adaptive retries,
 * a middleware that counts every call by API name, and a per-API concurrency bound.
 */
export class AwsClients {
  readonly counter: ApiCallCounter;
  private readonly clients = new Map<string, unknown>();
  private readonly semaphores = new Map<string, Semaphore>();

  constructor(private readonly options: AwsClientsOptions) {
    this.counter = options.counter ?? new ApiCallCounter();
  }

  private semaphore(api: string): Semaphore {
    let s = this.semaphores.get(api);
    if (!s) {
      s = new Semaphore(this.options.concurrencyPerApi ?? 8);
      this.semaphores.set(api, s);
    }
    return s;
  }

  get<S extends ServiceName>(service: S, accountId: string, region: string): ClientOf<S> {
    const id = `${service}|${accountId}|${region}`;
    const existing = this.clients.get(id);
    if (existing) return existing as ClientOf<S>;
    const base = this.options.configFor(accountId, region);
    const config = {
      region: base.region,
      ...(base.credentials ? { credentials: base.credentials } : {}),
      ...(base.endpoint ? { endpoint: base.endpoint } : {}),
      retryMode: 'adaptive',
      maxAttempts: base.maxAttempts ?? this.options.maxAttempts ?? 6,
    };
    const Ctor = SERVICES[service] as unknown as new (c: typeof config) => ClientOf<S>;
    const client = new Ctor(config);
    this.instrument(client, service);
    this.clients.set(id, client);
    return client;
  }

  private instrument(
    client: { middlewareStack: AccountClient['middlewareStack'] } | object,
    service: string,
  ): void {
    const stack = (client as AccountClient).middlewareStack;
    stack.add(
      (next, context) => async (args) => {
        const api = `${service}:${(context.commandName ?? 'Unknown').replace(/Command$/, '')}`;
        this.counter.add(api);
        return this.semaphore(api).run(() => next(args));
      },
      { step: 'initialize', name: 'amiShareGuardCallCounter', override: true },
    );
  }
}

import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GenerateOptions } from '../synthetic';
import type { ApiQuota } from './quotas';
import type { SimStats } from './SimulatedAws';
import type { StoredEvaluation } from './simTypes';
import type { ChildRequest, ChildStarted } from './simulatorProcessEntry';

/**
 * The simulated AWS in a child process (same code, same wire protocols), for benchmarks whose
 * memory figures must not include the simulator's state. No fault injection (functions do not
 * cross process boundaries): resilience scenarios use the in-process {@link SimulatedAws}.
 */
export class SimulatedAwsProcess {
  private queue: Promise<unknown> = Promise.resolve();

  readonly endpoint: string;

  private constructor(
    private readonly child: ChildProcess,
    /** What the child built: the first account, its snapshot, key and seeded-result counts. */
    readonly started: ChildStarted,
  ) {
    this.endpoint = started.endpoint;
  }

  private static ask<T>(child: ChildProcess, request: ChildRequest): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onMessage = (raw: unknown) => {
        child.off('exit', onExit);
        const m = raw as { ok: boolean; value: unknown };
        if (m.ok) resolve(m.value as T);
        else reject(new Error(`simulated AWS process: ${String(m.value)}`));
      };
      const onExit = (code: number | null) => {
        child.off('message', onMessage);
        reject(new Error(`simulated AWS process exited (${code})`));
      };
      child.once('message', onMessage);
      child.once('exit', onExit);
      child.send(request);
    });
  }

  private request<T>(request: ChildRequest): Promise<T> {
    const next = this.queue.then(() => SimulatedAwsProcess.ask<T>(this.child, request));
    this.queue = next.catch(() => undefined);
    return next;
  }

  static async start(options: {
    readonly generate: GenerateOptions;
    readonly quotas: Readonly<Record<string, ApiQuota>>;
    readonly seedPreviousFor?: string;
  }): Promise<SimulatedAwsProcess> {
    const entry = fileURLToPath(new URL('./simulatorProcessEntry.ts', import.meta.url));
    const child = fork(entry, [], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const started = await SimulatedAwsProcess.ask<ChildStarted>(child, {
      type: 'start',
      generate: options.generate,
      quotas: options.quotas,
      ...(options.seedPreviousFor ? { seedPreviousFor: options.seedPreviousFor } : {}),
    });
    return new SimulatedAwsProcess(child, started);
  }

  stats(): Promise<SimStats> {
    return this.request<SimStats>({ type: 'stats' });
  }

  evaluations(accountId: string, ruleName: string): Promise<StoredEvaluation[]> {
    return this.request<StoredEvaluation[]>({ type: 'evaluations', accountId, ruleName });
  }

  async stop(): Promise<void> {
    await this.request<null>({ type: 'stop' });
  }
}

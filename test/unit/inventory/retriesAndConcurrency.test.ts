import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Semaphore } from '../../../rules/inventory/live/Semaphore';
import { LiveInventorySource } from '../../../rules/inventory/live/LiveInventorySource';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A KMS endpoint (awsJson1_1) that answers every request with `status` and `body`; counts requests. */
async function fakeKms(status: number, body: object): Promise<{ endpoint: string; requests: () => number }> {
  let n = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, requests: () => n };
}

describe('Live source over HTTP: retries, throttling and call counting', () => {
  it('retries a throttled read, then records a Throttled unknown; the counter counts one logical call', async () => {
    // Prepare
    const kms = await fakeKms(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
    const source = new LiveInventorySource({
      configFor: (_a, region) => ({
        region,
        endpoint: kms.endpoint,
        credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' },
        maxAttempts: 3,
      }),
    });

    // Act
    const policy = await source.keyPolicy('111111111111', 'eu-west-1', 'k1');

    // Assess
    expect(policy).toMatchObject({
      status: 'unknown',
      reason: { code: 'Throttled', api: 'kms:GetKeyPolicy' },
    });
    expect(kms.requests()).toBe(3);
    expect(source.counter.count('kms:GetKeyPolicy')).toBe(1);
  }, 30_000);

  it('maps an AccessDeniedException response to an AccessDenied unknown without retrying', async () => {
    const kms = await fakeKms(400, {
      __type: 'AccessDeniedException',
      message: 'not authorized to perform kms:GetKeyPolicy',
    });
    const source = new LiveInventorySource({
      configFor: (_a, region) => ({
        region,
        endpoint: kms.endpoint,
        credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' },
      }),
    });
    const policy = await source.keyPolicy('111111111111', 'eu-west-1', 'k1');
    expect(policy).toMatchObject({
      status: 'unknown',
      reason: { code: 'AccessDenied', message: expect.stringContaining('not authorized') },
    });
    expect(kms.requests()).toBe(1);
  });
});

describe('Semaphore', () => {
  it('never runs more than its limit at once and runs every task', async () => {
    const s = new Semaphore(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        s.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 2));
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('releases its slot when a task fails', async () => {
    const s = new Semaphore(1);
    await expect(s.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await s.run(async () => 'next')).toBe('next');
  });

  it('rejects a limit below 1', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});

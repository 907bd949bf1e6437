import { execFile } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildCli, runCli } from './support/runCli';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const REPORT = join(ARTIFACTS, 'report.html');
const SCREENSHOT = join(ARTIFACTS, 'report.png');

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

/** The rows the filters left visible, as [compliance, scenarios, text]. */
async function visibleRows(): Promise<{ compliance: string; scenarios: string; text: string }[]> {
  return page.$$eval('#findings tbody tr:not([hidden])', (rows) =>
    rows.map((r) => ({
      compliance: r.getAttribute('data-compliance') ?? '',
      scenarios: r.getAttribute('data-scenarios') ?? '',
      text: r.getAttribute('data-text') ?? '',
    })),
  );
}

beforeAll(async () => {
  // Chromium is not on a fresh CI machine: install it like the emulator setup installs moto.
  await promisify(execFile)('bash', [join(ROOT, 'scripts', 'setup-browser.sh')], { cwd: ROOT });
  await buildCli();
  await mkdir(ARTIFACTS, { recursive: true });
  const run = await runCli([
    'scan',
    '--inventory',
    'examples/demo-org.json',
    '--format',
    'html',
    '--out',
    REPORT,
  ]);
  expect(run.stderr).toContain(`wrote ${REPORT}`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--headless',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${REPORT}`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe('HTML report in headless Chromium', () => {
  it('loads without console errors and fetches nothing but the file itself', async () => {
    expect(await page.title()).toBe('ami-share-guard report');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([`file://${REPORT}`]);
  });

  it('shows every finding row at first, failures first', async () => {
    const rows = await visibleRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.compliance).toBe('NON_COMPLIANT');
    expect(await page.textContent('#count')).toBe(`Showing ${rows.length} of ${rows.length} rows`);
  });

  it('filters by compliance', async () => {
    await page.selectOption('select[data-filter="compliance"]', 'NON_COMPLIANT');
    const rows = await visibleRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.compliance === 'NON_COMPLIANT')).toBe(true);
    await page.selectOption('select[data-filter="compliance"]', '');
  });

  it('filters by free text (a resource name)', async () => {
    await page.fill('#q', 'L1-broken-key-policy');
    const rows = await visibleRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.text.includes('l1-broken-key-policy'))).toBe(true);
    await page.fill('#q', '');
  });

  it('filters by scenario when a scenario tile is clicked, and clears on a second click', async () => {
    const all = (await visibleRows()).length;
    await page.click('.scenario-tile[data-scenario="L1"]');
    const rows = await visibleRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(all);
    expect(rows.every((r) => r.scenarios.split(' ').includes('L1'))).toBe(true);
    await page.click('.scenario-tile[data-scenario="L1"]');
    expect((await visibleRows()).length).toBe(all);
  });

  it('writes a screenshot to test-artifacts/report.png', async () => {
    await page.selectOption('select[data-filter="compliance"]', 'NON_COMPLIANT');
    await page.setViewportSize({ width: 1400, height: 1600 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    await page.selectOption('select[data-filter="compliance"]', '');
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(20_000);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/postgres.js';

/**
 * End to end: the real server (as `monoqala serve` starts it) on a free port, driven in
 * Debian's headless Chromium. Screenshots go to test/screenshots/ (git-ignored).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: ChildProcess;
let base: string;
let context: BrowserContext;
let page: Page;
const foreignRequests: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('The web app is not built: run "npm run build:web" (npm test does it).');
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  mkdirSync(SHOTS, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(ROOT, 'bin', 'monoqala.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'mq-e2e-')), DATABASE_URL: '' },
  });
  let log = '';
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + 90_000;
  while (!log.includes('serving at')) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mq-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
});

afterAll(async () => {
  await context?.close();
  server?.kill('SIGTERM');
});

const LANGS = [
  { lang: 'kk', button: 'Қазақша', town: 'Жезқазған' },
  { lang: 'ru', button: 'Русский', town: 'Жезказган' },
  { lang: 'en', button: 'English', town: 'Zhezkazgan' },
] as const;

async function noSeriousAxeViolations(p: Page, include?: string) {
  const builder = new AxeBuilder({ page: p });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
}

describe('the web app', () => {
  it.each(LANGS)('shows the overview in $lang with 27 towns in the table and on the map', async ({ lang, button, town }) => {
    await page.goto(`${base}/#/`);
    await page.getByRole('button', { name: button }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await page.locator('[data-testid="town-row"]').first().waitFor();
    await page.locator('[data-testid="town-marker"]').first().waitFor();
    expect(await page.locator('[data-testid="town-row"]').count()).toBe(27);
    expect(await page.locator('[data-testid="town-marker"]').count()).toBe(27);
    expect(await page.locator('main').innerText()).toContain(town);
    await noSeriousAxeViolations(page);
    await page.screenshot({ path: join(SHOTS, `overview-${lang}.png`), fullPage: true });
  });

  it('remembers the chosen language after a reload', async () => {
    await page.goto(`${base}/#/`);
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('kk');
  });

  it('sorts the table by a column', async () => {
    await page.goto(`${base}/#/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-testid="town-row"]').first().waitFor();
    const names = async () => page.locator('[data-testid="town-row"] >> nth=0').innerText();
    const header = page.locator('thead th').first();
    await header.click();
    const first = await names();
    await header.click();
    expect(await names()).not.toBe(first);
  });

  it.each(LANGS)('shows a town page in $lang with enterprises and sourced population points', async ({ lang, button }) => {
    await page.goto(`${base}/#/towns/ekibastuz`);
    await page.getByRole('button', { name: button }).click();
    await page
      .locator('h1')
      .filter({ hasText: /Ekibastuz|Экибастуз|Екібастұз/ })
      .waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/Bogatyr Komir/);
    expect(await page.locator('svg circle').count()).toBeGreaterThan(3);
    expect(await page.locator('main a[href^="http"]').count()).toBeGreaterThan(3);
    await noSeriousAxeViolations(page);
    await page.screenshot({ path: join(SHOTS, `town-${lang}.png`), fullPage: true });
  });

  it.each(LANGS)('shows the data coverage in $lang: 27 towns, and a cell opens its values with their sources', async ({ lang, button }) => {
    await page.goto(`${base}/#/coverage`);
    await page.getByRole('button', { name: button }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
    const matrix = page.locator('[data-testid="coverage-matrix"]');
    await matrix.locator('[data-testid="coverage-cell"]').first().waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(27);
    expect(await matrix.locator('tbody th a[href^="#/towns/"]').count()).toBe(27);
    expect(await matrix.locator('[data-testid="coverage-cell"]').count()).toBeGreaterThan(0);
    expect(await matrix.locator('td.cov-missing').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="nav-coverage"]').getAttribute('aria-current')).toBe('page');
    await noSeriousAxeViolations(page);
    await page.screenshot({ path: join(SHOTS, `coverage-${lang}.png`), fullPage: true });

    const cell = matrix.locator('[data-testid="coverage-cell"]').first();
    await cell.click();
    const panel = page.locator('[data-testid="coverage-panel"]');
    await panel.locator('[data-testid="observation-row"]').first().waitFor();
    // one row per value: at least as many as the periods the cell counts
    expect(await panel.locator('[data-testid="observation-row"]').count()).toBeGreaterThanOrEqual(Number(await cell.innerText()));
    expect(await panel.locator('[data-testid="observation-row"] .source-cell a').count()).toBeGreaterThan(0);
    await noSeriousAxeViolations(page, '[data-testid="coverage-panel"]');
    await page.screenshot({ path: join(SHOTS, `coverage-panel-${lang}.png`) });
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('coverage-cell');
  });

  it('lists the sources by kind, with the geokz dataset and its licence', async () => {
    await page.goto(`${base}/#/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-testid="nav-sources"]').click();
    const geokz = page.locator('[data-testid="sources-dataset"] [data-testid="source-entry"][data-source="geokz-adm1-2024"]');
    await geokz.waitFor();
    expect(await page.locator('[data-testid="nav-sources"]').getAttribute('aria-current')).toBe('page');
    expect(await geokz.innerText()).toMatch(/geokz/);
    expect(await geokz.innerText()).toContain('CC BY 4.0');
    expect(await page.locator('[data-testid="sources-document"] [data-testid="source-entry"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="sources-url"] [data-testid="source-entry"]').count()).toBeGreaterThan(0);
    await noSeriousAxeViolations(page);
    await page.screenshot({ path: join(SHOTS, 'sources-en.png'), fullPage: true });
  });

  it('points at one source with #/sources?id=', async () => {
    const sources = (await (await fetch(`${base}/api/v1/sources`)).json()) as { id: string; kind: string }[];
    const doc = sources.find((s) => s.kind === 'document');
    expect(doc).toBeDefined();
    await page.goto(`${base}/#/sources?id=${encodeURIComponent(doc!.id)}`);
    const entry = page.locator(`[data-testid="source-entry"][data-source="${doc!.id}"]`);
    await entry.waitFor();
    await expect.poll(() => entry.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('source-entry');
  });

  it('shows the other indicators of a town that has them, each row with a source', async () => {
    const coverage = (await (await fetch(`${base}/api/v1/coverage`)).json()) as { cells: { town: string; indicator: string }[] };
    const withData = new Set(coverage.cells.filter((c) => c.indicator !== 'population').map((c) => c.town));
    const town = ['kentau', 'arkalyk'].find((t) => withData.has(t)) ?? [...withData][0];
    expect(town, 'a town with an indicator other than population in the coverage API').toBeDefined();
    await page.goto(`${base}/#/towns/${town}`);
    await page.getByRole('button', { name: 'English' }).click();
    const rows = page.locator('[data-testid="indicator-row"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().locator('.source-cell a').count()).toBe(1);
    await noSeriousAxeViolations(page);
    await page.locator('[data-testid="town-indicators"]').screenshot({ path: join(SHOTS, `town-indicators-en.png`) });
  });

  it('loads nothing from outside the server', () => {
    expect(foreignRequests).toEqual([]);
  });
});

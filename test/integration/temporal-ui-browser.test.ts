import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startSyncHarness, type SyncHarness } from '../helpers/sync-harness';

/**
 * An operator finds a tenant's workflow in the Temporal UI by its search attribute. Debian's Chromium
 * (scripts/install-chromium.sh) runs headless under playwright-core against the Web UI of the Temporal dev
 * server that `npm test` started; the screenshot is kept in `.artifacts/` for a person to look at.
 */
const temporalUiUrl = process.env.KOPPELING_TEMPORAL_UI_URL;
const chromiumPath = '/usr/bin/chromium';
const artifactsDir = join(__dirname, '..', '..', '.artifacts');
const screenshotPath = join(artifactsDir, 'temporal-ui-tenant.png');

const describeWithUi = temporalUiUrl ? describe : describe.skip;
if (!temporalUiUrl) {
  console.warn(
    'Skipping the Temporal UI browser test: KOPPELING_TEMPORAL_UI_URL is not set (npm test sets it to the dev server Web UI).',
  );
}

describeWithUi('Temporal UI in a real browser', () => {
  let h: SyncHarness;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) {
      throw new Error(`${chromiumPath} is missing: run bash scripts/install-chromium.sh (npm test does).`);
    }
    h = await startSyncHarness({ relations: 30, products: 10, sentInvoices: 2, seed: 5 });
    await h.activate();
    await h.waitForIdle();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it("finds the tenant's workflow by KoppelingTenantId and keeps a screenshot", async () => {
    // chromium.launch gives every run a fresh, throw-away user-data dir.
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
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
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const workflowId = `tenant-${h.tenantId}`;
    const query = encodeURIComponent(`KoppelingTenantId="${h.tenantId}"`);
    await page.goto(`${temporalUiUrl}/namespaces/default/workflows?query=${query}`, {
      waitUntil: 'domcontentloaded',
    });

    const link = page.getByRole('link', { name: workflowId, exact: true }).first();
    await link.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toContain(`/workflows/${workflowId}`);

    // The UI applied the search attribute as a filter, and every workflow run listed belongs to this tenant.
    const filter = page.getByRole('button', { name: /KoppelingTenantId/ }).first();
    await filter.waitFor({ state: 'visible', timeout: 30_000 });
    expect((await filter.textContent())?.replace(/\s+/g, '')).toBe(`KoppelingTenantId="${h.tenantId}"`);
    const shown = await page
      .locator('a[href^="/namespaces/default/workflows/"][href$="/history"]')
      .evaluateAll((anchors) => anchors.map((a) => decodeURIComponent(a.getAttribute('href') ?? '')));
    expect(shown.length).toBeGreaterThan(0);
    for (const href of shown) expect(href).toContain(h.tenantId);

    await mkdir(artifactsDir, { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    expect((await stat(screenshotPath)).size).toBeGreaterThan(10_000);
  });
});

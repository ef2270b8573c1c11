// Layout at 360 px and 1280 px in both colour schemes. Screenshots differ across machines and
// fonts, so none is compared with a baseline: the test asserts layout properties (no
// horizontal scroll, nothing past the viewport, no layout shift when the verdict arrives) and
// attaches the screenshots for people to look at.
import { expect, test, type Page } from '@playwright/test';

declare global {
  interface Window {
    __cls: number;
    __headers: { pending: number[]; final: number[] };
  }
}

/** Installed before the page's own scripts: sums layout shifts, records card header heights. */
function observe() {
  window.__cls = 0;
  window.__headers = { pending: [], final: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[])
      if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new MutationObserver(() => {
    for (const card of Array.from(document.querySelectorAll('[data-testid="verdict"]'))) {
      const h = card.querySelector('header.status')?.getBoundingClientRect().height;
      if (h) window.__headers[card.hasAttribute('data-status') ? 'final' : 'pending'].push(h);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

/** Elements reaching past the viewport's sides, unless a scrolling/clipping box holds them. */
function overflowing(): string[] {
  const width = document.documentElement.clientWidth;
  const clips = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
  const out: string[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || (r.left >= 0 && r.right <= width + 0.5)) continue;
    let held = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
      if (clips(p)) held = true;
    if (!held) out.push(`${el.tagName.toLowerCase()}.${el.className} ${r.left}..${r.right}`);
  }
  return out;
}

const STATES = {
  empty: async () => {},
  verified: async (page: Page) => {
    await page.getByTestId('sample').click();
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
    await expect(page.locator('.browser')).toBeVisible(); // the lazy browser has rendered
  },
  // Code may scroll inside its viewer, never the page.
  'values.yaml': async (page: Page) => {
    await STATES.verified(page);
    await page.locator('[data-tab="values.yaml"]').click();
    await expect(page.getByTestId('code')).toContainText('replicaCount: 1');
  },
};

for (const width of [360, 1280]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [state, reach] of Object.entries(STATES)) {
      test(`layout: ${state}, ${width} px, ${colorScheme}`, async ({ page }, testInfo) => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await page.addInitScript(observe);
        await page.goto('./');
        await reach(page);
        await page.evaluate(() => document.fonts.ready);

        const scroll = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          viewport: document.documentElement.clientWidth,
        }));
        expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.viewport);
        expect(await page.evaluate(overflowing)).toEqual([]);
        expect(await page.evaluate(() => window.__cls)).toBeLessThan(0.1);
        if (state !== 'empty') {
          const { pending, final } = await page.evaluate(() => window.__headers);
          expect(final.length, 'the final card was seen').toBeGreaterThan(0);
          // Messages arriving within one frame are applied together (src/worker/client.ts), so
          // a quick verdict may replace the pending card before it is ever painted: no shift.
          if (pending.length)
            expect(Math.abs(pending.at(-1)! - final.at(-1)!)).toBeLessThanOrEqual(4);
          else testInfo.annotations.push({ type: 'note', description: 'no pending card painted' });
        }
        await testInfo.attach(`${state}-${width}-${colorScheme}.png`, {
          body: await page.screenshot({ fullPage: true }),
          contentType: 'image/png',
        });
      });
    }
  }
}

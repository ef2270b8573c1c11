// Hostile charts (e2e/fixtures/hostile, made by scripts/make-hostile.mjs): every tab and every
// file of each chart is opened, subcharts too, and nothing may run, open, navigate, throw or
// reach another origin. A canary installed before the page loads counts payload hits:
// `window.__pwned` (payloads set it) and calls to alert/confirm/prompt/print.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/hostile');

interface HostileCase {
  id: string;
  archive: string;
  prov: string | null;
  key: string | null;
  status: string;
  warnings: string[];
  paths: string[];
  attacks: string;
}
const CASES = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as HostileCase[];

interface Scan {
  bad: string[];
  canary: { pwned: number; calls: string[]; polluted: unknown } | null;
}
interface Canary {
  __pwned: number;
  __calls: string[];
  __csp: string[];
  __scan(): Scan;
}

/** Everything that must stay empty, collected from before the page loads. */
interface Watch {
  foreign: string[];
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
  /** Chromium's console reports of content the CSP blocked: fine, as long as nothing ran. */
  cspReports: string[];
  popups: string[];
  navigations: string[];
}

async function watch(page: Page, baseURL: string): Promise<Watch> {
  const origin = new URL(baseURL).origin;
  const w: Watch = {
    foreign: [],
    dialogs: [],
    pageErrors: [],
    consoleErrors: [],
    cspReports: [],
    popups: [],
    navigations: [],
  };
  await page.addInitScript(() => {
    const win = window as unknown as Canary & Record<string, unknown>;
    win.__pwned = 0;
    win.__calls = [];
    win.__csp = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      win[name] = (...args: unknown[]) => {
        win.__calls.push(`${name}(${args.map(String).join(', ')})`);
        return null;
      };
    }
    document.addEventListener('securitypolicyviolation', (e) =>
      win.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    // What sanitized chart content may never produce anywhere in the cards (and what the
    // markdown and code views may never carry: the page's hooks, ids, roles, classes).
    win.__scan = () => {
      const bad: string[] = [];
      const root = document.querySelector('.cards');
      if (!root) return { bad: ['no .cards section'], canary: null };
      const show = (el: Element) => el.outerHTML.slice(0, 120);
      const never =
        'script, iframe, frame, object, embed, svg, math, style, meta, base, link, form, input, textarea, select, video, audio, source, track, picture, template, noscript, [srcdoc], [srcset], [ping], [formaction], [background], [poster]';
      for (const el of Array.from(root.querySelectorAll(never))) bad.push(show(el));
      const chartHtml = '.markdown, .line';
      const fake =
        'img, [style], [id], [name], [role], [tabindex], [data-testid], [data-tab], [data-path], [data-status], [aria-live], a[href^="#"]';
      for (const el of Array.from(root.querySelectorAll(`:is(${chartHtml}) :is(${fake})`))) {
        bad.push(show(el));
      }
      for (const el of Array.from(root.querySelectorAll(`:is(${chartHtml}) [class]`))) {
        if (!Array.from(el.classList).every((c) => /^(hljs-|language-)/.test(c)))
          bad.push(show(el));
      }
      for (const a of Array.from(root.querySelectorAll('.markdown a[href]'))) {
        if (
          a.getAttribute('target') !== '_blank' ||
          !/noopener/.test(a.getAttribute('rel') ?? '')
        ) {
          bad.push(`unguarded link ${show(a)}`);
        }
      }
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name)) bad.push(`${el.localName}[${a.name}]`);
        }
      }
      for (const a of Array.from(root.querySelectorAll('a[href]'))) {
        const href = a.getAttribute('href')!;
        const url = new URL(href, location.href);
        const ok =
          ['http:', 'https:', 'mailto:'].includes(url.protocol) ||
          (url.protocol === 'blob:' && href.startsWith(`blob:${location.origin}/`));
        if (!ok) bad.push(`a[href=${href.slice(0, 80)}]`);
      }
      const polluted = (Object.prototype as Record<string, unknown>).polluted ?? null;
      return { bad, canary: { pwned: win.__pwned, calls: win.__calls, polluted } };
    };
  });
  const foreign = (u: URL) => !['data:', 'blob:'].includes(u.protocol) && u.origin !== origin;
  page.on('request', (r) => {
    if (foreign(new URL(r.url()))) w.foreign.push(r.url());
  });
  await page.route(foreign, (route) => route.abort());
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => w.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/Content Security Policy/i.test(m.text())) w.cspReports.push(m.text());
    else w.consoleErrors.push(m.text());
  });
  page.on('popup', (p) => w.popups.push(p.url()));
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) w.navigations.push(f.url());
  });
  return w;
}

/** The canary and the DOM scan, read in one round trip. */
const state = (page: Page) => page.evaluate(() => (window as unknown as Canary).__scan());

async function expectClean(page: Page, w: Watch, where: string, scan?: Scan) {
  const { bad, canary } = scan ?? (await state(page));
  expect(bad, `DOM after ${where}`).toEqual([]);
  expect(canary, `canary after ${where}`).toEqual({ pwned: 0, calls: [], polluted: null });
  expect(w.pageErrors, `page errors after ${where}`).toEqual([]);
}

/** Views a file the viewer shows: both markdown modes, the full text, a subchart opened. */
async function inspectViewer(
  page: Page,
  w: Watch,
  viewer: Locator,
  depth: number,
  path: string | null = null,
) {
  const look = () =>
    viewer.evaluate((v) => ({
      path: v.getAttribute('data-path'),
      all: Array.from(v.querySelectorAll(':scope > button')).some((b) =>
        b.textContent?.startsWith('Show all'),
      ),
      source: v.querySelector(':scope > header')?.textContent?.includes('Show source') ?? false,
      nested: v.querySelector(':scope > header [data-testid="open-nested"]') !== null,
      scan: (window as unknown as Canary).__scan(),
    }));
  let has = await look();
  if (path !== null && has.path !== path) {
    await expect(viewer).toHaveAttribute('data-path', path);
    has = await look();
  }
  const where = `viewing ${has.path}`;
  if (!has.all && !has.source && !has.nested) return expectClean(page, w, where, has.scan);
  if (has.all) await viewer.getByRole('button', { name: /^Show all/ }).click();
  if (has.source) {
    await expectClean(page, w, `${where} (rendered)`, has.scan);
    await viewer.getByRole('button', { name: 'Show source' }).click();
    await viewer.getByRole('button', { name: 'Show rendered' }).click();
  }
  if (has.nested && depth < 3) {
    const open = viewer.locator(':scope > header [data-testid="open-nested"]');
    await open.click();
    const inner = viewer.locator(':scope > [data-testid="nested-chart"] > section.browser');
    if (await inner.count()) await explore(page, w, inner, depth + 1);
    await open.click();
  }
  await expectClean(page, w, where);
}

/** Opens every file row of a tree in the viewer (folders stay open: their rows all show). */
async function clickRows(page: Page, w: Watch, browser: Locator, rows: Locator, depth: number) {
  const viewer = browser.locator(
    ':scope > [role="tabpanel"] > .tree-and-viewer > [data-testid="viewer"]',
  );
  const kinds = await rows.evaluateAll((els) =>
    els.map((e) => ({
      folder: e.hasAttribute('aria-expanded'),
      path: e.getAttribute('data-path'),
    })),
  );
  for (const [i, { folder, path }] of kinds.entries()) {
    if (folder && i > 0) continue;
    const row = rows.nth(i);
    await row.click({ position: { x: 4, y: 4 } });
    if (folder) {
      await row.click({ position: { x: 4, y: 4 } }); // the top folder closes and opens again
      continue;
    }
    await inspectViewer(page, w, viewer, depth, path);
  }
}

/** Opens every tab of one archive browser and every file in its trees. */
async function explore(page: Page, w: Watch, browser: Locator, depth = 0) {
  const tabs = browser.locator(':scope > .tabs > [data-tab]');
  const names = await tabs.evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')!));
  const panel = browser.locator(':scope > [role="tabpanel"]');
  for (const name of names) {
    await tabs.and(browser.locator(`[data-tab="${name}"]`)).click();
    if (name === 'files') {
      const tree = panel.locator(':scope > .tree-and-viewer > div > ul.tree');
      await clickRows(page, w, browser, tree.locator(':scope > li'), depth);
    } else if (name === 'crds' || name === 'templates') {
      const tree = panel.locator(':scope > .tree-and-viewer > ul.tree');
      await clickRows(page, w, browser, tree.locator(':scope > li'), depth);
    } else if (name !== 'summary') {
      await inspectViewer(page, w, panel.locator(':scope > [data-testid="viewer"]'), depth);
    }
    await expectClean(page, w, `tab ${name}`);
  }
}

const files = (c: HostileCase) =>
  [c.archive, c.prov, c.key].filter((f): f is string => f !== null).map((f) => join(DIR, f));

async function expectStillWorks(page: Page, w: Watch) {
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  await page.getByTestId('sample').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  await page.waitForTimeout(200); // let any deferred payload (timers, refresh) fire
  await expectClean(page, w, 'reset and sample');
  expect(w.dialogs, 'dialogs').toEqual([]);
  expect(w.foreign, 'requests to other origins').toEqual([]);
  expect(w.popups, 'popups').toEqual([]);
  expect(w.consoleErrors, 'console errors').toEqual([]);
  expect(w.navigations.length, `navigations: ${w.navigations.join(' ')}`).toBe(1);
  const csp = await page.evaluate(() => (window as unknown as Canary).__csp);
  if (csp.length || w.cspReports.length) {
    test.info().annotations.push({
      type: 'csp',
      description: [...csp, ...w.cspReports].join('\n'),
    });
  }
}

test.describe('hostile charts render inertly', () => {
  test.describe.configure({ timeout: 30_000 });
  for (const c of CASES) {
    test(`${c.id}: ${c.attacks.slice(0, 80)}`, async ({ page, baseURL }) => {
      const w = await watch(page, baseURL!);
      await page.goto('./');
      await page.getByTestId('file-input').setInputFiles(files(c));
      const card = page.getByTestId('verdict');
      await expect(card).toHaveAttribute('data-status', c.status);
      const warnings = (await card.getAttribute('data-warnings'))!.split(' ');
      for (const warning of c.warnings) expect(warnings).toContain(warning);
      const contents = card.locator('details.contents');
      if ((await contents.getAttribute('open')) === null) await contents.locator('summary').click();
      const entries = card.getByTestId('tree-entry');
      await expect(entries.first()).toBeAttached();
      const paths = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
      expect(paths.sort(), 'tree paths').toEqual([...c.paths].sort());
      await expectClean(page, w, 'the verdict');
      await explore(page, w, card.locator('section.browser').first());
      await expectStillWorks(page, w);
    });
  }
});

test('all hostile charts at once, then the page still works', async ({ page, baseURL }) => {
  const w = await watch(page, baseURL!);
  await page.goto('./');
  const all = [...new Set(CASES.flatMap(files))];
  await page.getByTestId('file-input').setInputFiles(all);
  for (const c of CASES) {
    const card = page.locator(`[data-testid="verdict"][data-archive="${c.archive}"]`);
    await expect(card).toHaveAttribute('data-status', c.status);
  }
  await expectClean(page, w, 'all verdicts');
  await expectStillWorks(page, w);
});

test('file names that are payloads, given at upload', async ({ page, baseURL }) => {
  const c = CASES.find((x) => x.id === 'chartyaml-fields')!;
  const name = `"><img src=x onerror="window.__pwned=1;alert(1)">-0.1.0.tgz`;
  const w = await watch(page, baseURL!);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([
    { name, mimeType: 'application/gzip', buffer: readFileSync(join(DIR, c.archive)) },
    { name: `${name}.prov`, mimeType: 'text/plain', buffer: readFileSync(join(DIR, c.prov!)) },
    {
      name: '<svg onload=alert(1)>.asc',
      mimeType: 'text/plain',
      buffer: readFileSync(join(DIR, c.key!)),
    },
  ]);
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await expect(card).toHaveAttribute('data-archive', name);
  await expect(card).toHaveAttribute('data-warnings', /renamed-archive/);
  await expectClean(page, w, 'the verdict');
  await expectStillWorks(page, w);
});

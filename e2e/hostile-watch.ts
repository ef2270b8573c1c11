// The hostile spec's watch on a page: a canary and DOM scan installed before the page loads
// (payload hits on `window.__pwned`, alert/confirm/prompt/print, CSP reports, markup that
// sanitized chart content may never produce) and listeners for everything that must stay
// empty (requests to other origins, dialogs, errors, popups, navigations).
import { expect, test, type Page } from '@playwright/test';

export interface Scan {
  bad: string[];
  canary: { pwned: number; calls: string[]; polluted: unknown } | null;
}
export interface Canary {
  __pwned: number;
  __calls: string[];
  __csp: string[];
  __scan(): Scan;
}

/** Everything that must stay empty, collected from before the page loads. */
export interface Watch {
  foreign: string[];
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
  /** Chromium's console reports of content the CSP blocked: fine, as long as nothing ran. */
  cspReports: string[];
  popups: string[];
  navigations: string[];
}

export async function watch(page: Page, baseURL: string): Promise<Watch> {
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
      // The page's own controls in a card: each file tree's filter box.
      const own = (el: Element) =>
        el.matches('.tree-filter > input[type="search"]') && !el.closest('.markdown, .line');
      for (const el of Array.from(root.querySelectorAll(never))) if (!own(el)) bad.push(show(el));
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
export const state = (page: Page) => page.evaluate(() => (window as unknown as Canary).__scan());

export async function expectClean(page: Page, w: Watch, where: string, scan?: Scan) {
  const { bad, canary } = scan ?? (await state(page));
  expect(bad, `DOM after ${where}`).toEqual([]);
  expect(canary, `canary after ${where}`).toEqual({ pwned: 0, calls: [], polluted: null });
  expect(w.pageErrors, `page errors after ${where}`).toEqual([]);
}

export async function expectStillWorks(page: Page, w: Watch) {
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

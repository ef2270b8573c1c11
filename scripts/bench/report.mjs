// Turns the measurements into the one table, for the console and for docs/benchmarks.md.
import { fmtBytes, fmtKB, fmtMs, fmtRatio } from './util.mjs';

const ANCHORS = {
  sha256sum: 'sha256sum FILE',
  gpgVerify: 'gpg --verify PROV',
  helmVerify: 'gpg --verify PROV + sha256sum FILE',
  gunzip: 'gzip -dc FILE > /dev/null',
  untar: 'tar xzf FILE -C DIR',
  tarList: 'tar tzf FILE > /dev/null',
};

export function fmtMemory(m) {
  if (!m) return '';
  const parts = [];
  if (Number.isFinite(m.rendererRss)) {
    const idle = Number.isFinite(m.rendererIdle)
      ? ` (${fmtBytes(m.rendererIdle)} before, +${fmtBytes(m.rendererRss - m.rendererIdle)})`
      : '';
    parts.push(`renderer RSS ${fmtBytes(m.rendererRss)}${idle}`);
  }
  if (Number.isFinite(m.pageHeap)) parts.push(`page heap ${fmtBytes(m.pageHeap)}`);
  parts.push(
    Number.isFinite(m.workerHeap)
      ? `worker heap ${fmtBytes(m.workerHeap)} + buffers ${fmtBytes(m.workerBuffers)}`
      : 'worker n/a',
  );
  return parts.join(' · ');
}

/** A signed offset in time: +12.0 ms, −2.15 s. */
export const fmtOffset = (ms) => `${ms < 0 ? '−' : '+'}${fmtMs(Math.abs(ms))}`;

/** Long tasks of the worst drop of a case: the longest, how many, their sum, frame gap. */
export function fmtMainThread(t) {
  if (!t) return 'n/a';
  const when =
    t.longest > 0 && Number.isFinite(t.longestAt)
      ? ` (starting ${fmtOffset(t.longestAt)} from the change event, ${fmtOffset(t.longestAfterVerdict)} from the last verdict)`
      : '';
  return (
    `longest ${fmtMs(t.longest)}${when}; ${t.count} over 50 ms, ${fmtMs(t.total)} in all; ` +
    (Number.isFinite(t.pageLongest) && t.pageLongest < t.longest
      ? `the page's own share at most ${fmtMs(t.pageLongest)} (Chromium's FileList ` +
        `${fmtMs(t.browserBeforeEvent)} before the change event); `
      : '') +
    `frame gap ${fmtMs(t.frameGap)}` +
    (t.observer >= 1 ? ` (the bench's observer ${fmtMs(t.observer)} of it)` : '')
  );
}

/** A case's verdict note: what the page said when it did not verify everything. */
const noteOf = (c) => [c.statusNote, ...(c.texts ?? [])].filter(Boolean).join(' | ');

const row = (op, size, cp, native, ratio, extra = {}) => ({
  op,
  size,
  cp,
  native,
  ratio: Number.isFinite(ratio) ? fmtRatio(ratio) : '',
  mem: '',
  main: '',
  ...extra,
});

/** The warm drop of `c` against the anchors `keys`, one ↳ row each after the first. */
function anchorRows(c, keys) {
  return keys
    .filter((k) => c.native[k])
    .map((k) =>
      row(
        `  vs ${ANCHORS[k]}`,
        fmtBytes(c.size),
        '',
        fmtMs(c.native[k].median),
        c.warm / c.native[k].median,
      ),
    );
}

const warmCold = (c) => `${fmtMs(c.warm)} (cold ${fmtMs(c.cold)})`;

function chartRows(c) {
  const helm = c.native.helmVerify.median;
  const out = [
    row(
      `drop→verdict, warm (Reset between) — ${c.label}`,
      fmtBytes(c.size),
      warmCold(c),
      `${fmtMs(helm)} gpg --verify + sha256sum`,
      c.warm / helm,
      {
        mem: fmtMemory(c.memory),
        main: fmtMainThread(c.mainThread),
        note: noteOf(c),
      },
    ),
  ];
  if (Number.isFinite(c.redrop)) {
    out.push(
      row(
        `  same files dropped again, no Reset (worker kept) — ${c.label}`,
        fmtBytes(c.size),
        fmtMs(c.redrop),
        `${fmtMs(helm)} gpg --verify + sha256sum`,
        c.redrop / helm,
      ),
    );
  }
  return [...out, ...anchorRows(c, ['sha256sum', 'gpgVerify', 'gunzip', 'untar'])];
}

function repoRows(p) {
  const loop = p.native.median;
  return [
    row(
      `repository: ${p.count} charts in one drop (${p.count * 2 + 1} files) → all verdicts`,
      fmtBytes(p.bytes),
      warmCold(p),
      `${fmtMs(loop)} shell loop gpg --verify + sha256sum`,
      p.warm / loop,
      {
        mem: fmtMemory(p.memory),
        main: fmtMainThread(p.mainThread),
        note: noteOf(p),
      },
    ),
    row(
      `  per chart — ${p.count} charts`,
      '',
      fmtMs(p.warm / p.count),
      fmtMs(loop / p.count),
      p.warm / loop,
    ),
    row(
      `  driver's wall clock (setInputFiles → done seen; holds the browser's file list) — ${p.count} charts`,
      '',
      fmtMs(p.wall),
      fmtMs(loop),
      p.wall / loop,
    ),
  ];
}

function manyRows(m) {
  const list = m.native.tarList.median;
  const heap = m.heap
    ? ` · page heap after the listing ${fmtBytes(m.heap.afterGc)} (after GC; ${fmtBytes(m.heap.before)} before)`
    : '';
  return [
    row(
      `one archive of ${m.label} → verdict`,
      fmtBytes(m.size),
      warmCold(m),
      `${fmtMs(list)} tar tzf`,
      m.warm / list,
      {
        mem: fmtMemory(m.memory) + heap,
        main: fmtMainThread(m.mainThread),
        note: noteOf(m),
      },
    ),
    ...anchorRows(m, ['helmVerify']),
  ];
}

function bigRows(b) {
  if (b.skipped)
    return [
      row(`drop→verdict — ${b.label} archive`, fmtBytes(b.size), 'skipped', '', NaN, {
        note: b.skipped,
      }),
    ];
  const sha = b.native.sha256sum.median;
  return [
    row(
      `drop→verdict — ${b.label} archive`,
      fmtBytes(b.size),
      warmCold(b),
      `${fmtMs(sha)} sha256sum`,
      b.warm / sha,
      {
        mem: fmtMemory(b.memory),
        main: fmtMainThread(b.mainThread),
        note: noteOf(b),
      },
    ),
    ...anchorRows(b, ['helmVerify']),
  ];
}

/** Builds the rows of the one table. */
export function tableRows(r) {
  const rows = [];
  const fd = r.firstDrop;
  if (fd) {
    rows.push(
      row(
        'navigation → first verdict (files given right after the load event)',
        fmtBytes(fd.size),
        fmtMs(fd.sinceNavigation),
        '',
        NaN,
        { main: fmtMainThread(fd.mainThread), note: noteOf(fd) },
      ),
      row(
        '  first drop, change→verdict (cold; ratio: vs the warm drop)',
        fmtBytes(fd.size),
        fmtMs(fd.median),
        `${fmtMs(fd.warm)} warm drop`,
        fd.median / fd.warm,
      ),
    );
  }
  if (Number.isFinite(r.workerStartup?.median)) {
    rows.push(
      row(
        "worker start-up (new Worker → its 'ready' message)",
        '',
        fmtMs(r.workerStartup.median),
        '',
        NaN,
      ),
    );
  }
  for (const c of r.charts) rows.push(...chartRows(c));
  for (const p of r.repos ?? []) rows.push(...repoRows(p));
  if (r.many) rows.push(...manyRows(r.many));
  for (const b of r.big ?? []) rows.push(...bigRows(b));
  for (const b of r.bundles) {
    rows.push(
      row(`${b.label} JS (${b.file}), gzip`, `${fmtKB(b.raw)} raw`, fmtKB(b.gzip), '', NaN),
    );
  }
  return rows;
}

const HEAD = ['operation', 'size', 'chartproof', 'native', 'ratio', 'peak memory', 'main thread'];
const cells = (r) => [r.op, r.size, r.cp, r.native, r.ratio, r.mem, r.main];

export function textTable(rows) {
  // The console gets the timing columns only; memory and main thread follow as notes.
  const head = HEAD.slice(0, 5);
  const all = [head, ...rows.map((r) => cells(r).slice(0, 5))];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join(' │ ');
  const table = [
    line(head),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...all.slice(1).map(line),
  ];
  const extra = rows
    .filter((r) => r.mem || r.main)
    .map(
      (r) => `${r.op.trim()}:\n    memory: ${r.mem || 'n/a'}\n    main thread: ${r.main || 'n/a'}`,
    );
  return [...table.map((l) => l.trimEnd()), '', ...extra].join('\n');
}

export function markdownTable(rows) {
  const esc = (s) => s.replace(/\|/g, '\\|').replace(/^ +/, '↳ ');
  const out = [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => ' --- ').join('|')}|`];
  for (const r of rows) out.push(`| ${cells(r).map(esc).join(' | ')} |`);
  return out.join('\n');
}

// Turns the measurements into one table, the target checks and docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fmtBytes, fmtKB, fmtMs, fmtRatio } from './util.mjs';

const ANCHORS = [
  ['sha256sum', 'sha256sum FILE'],
  ['gpgVerify', 'gpg --verify PROV'],
  ['gunzip', 'gzip -dc FILE > /dev/null'],
  ['untar', 'tar xzf FILE -C DIR'],
];

export function fmtMemory(m) {
  if (!m) return '';
  const parts = [];
  if (Number.isFinite(m.rendererRss)) {
    const idle = Number.isFinite(m.rendererIdle) ? ` (${fmtBytes(m.rendererIdle)} before)` : '';
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

/** Builds the rows of the one table. */
export function tableRows(r) {
  const rows = [];
  const fd = r.firstDrop;
  if (fd) {
    rows.push({
      op: 'first drop right after page load → verdict',
      size: fmtBytes(fd.size),
      cp: `${fmtMs(fd.median)} (from navigation ${fmtMs(fd.sinceNavigation)})`,
      native: `${fmtMs(fd.native)} gpg --verify + sha256sum`,
      ratio: fmtRatio(fd.median / fd.native),
      mem: '',
    });
  }
  if (Number.isFinite(r.workerStartup?.median)) {
    rows.push({
      op: "worker start-up (new Worker → its 'ready' message)",
      size: '',
      cp: fmtMs(r.workerStartup.median),
      native: '',
      ratio: '',
      mem: '',
    });
  }
  for (const c of r.charts) {
    const helm = c.native.helmVerify.median;
    rows.push({
      op: `drop→verdict, warm (Reset between) — ${c.label}`,
      size: fmtBytes(c.size),
      cp: `${fmtMs(c.warm)} (cold ${fmtMs(c.cold)})`,
      native: `${fmtMs(helm)} gpg --verify + sha256sum`,
      ratio: fmtRatio(c.warm / helm),
      mem: fmtMemory(c.memory),
      note: c.statusNote,
    });
    if (Number.isFinite(c.redrop)) {
      rows.push({
        op: `  same files dropped again, no Reset (worker kept) — ${c.label}`,
        size: fmtBytes(c.size),
        cp: fmtMs(c.redrop),
        native: `${fmtMs(helm)} gpg --verify + sha256sum`,
        ratio: fmtRatio(c.redrop / helm),
        mem: '',
      });
    }
    for (const [key, label] of ANCHORS) {
      const t = c.native[key].median;
      rows.push({
        op: `  vs ${label}`,
        size: fmtBytes(c.size),
        cp: '',
        native: fmtMs(t),
        ratio: fmtRatio(c.warm / t),
        mem: '',
      });
    }
  }
  if (r.repo) {
    const p = r.repo;
    rows.push({
      op: `repository: ${p.count} charts in one drop (${p.count * 2 + 1} files) → all verdicts`,
      size: fmtBytes(p.bytes),
      cp: `${fmtMs(p.warm)} (cold ${fmtMs(p.cold)})`,
      native: `${fmtMs(p.native.median)} shell loop gpg --verify + sha256sum`,
      ratio: fmtRatio(p.warm / p.native.median),
      mem: fmtMemory(p.memory),
      note: p.statusNote,
    });
  }
  for (const b of r.bundles) {
    rows.push({
      op: `${b.label} JS (${b.file}), gzip`,
      size: `${fmtKB(b.raw)} raw`,
      cp: fmtKB(b.gzip),
      native: '',
      ratio: '',
      mem: '',
    });
  }
  return rows;
}

const HEAD = ['operation', 'size', 'chartproof', 'native', 'ratio', 'peak memory'];
const cells = (row) => [row.op, row.size, row.cp, row.native, row.ratio, row.mem];

export function textTable(rows) {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join(' │ ');
  return [line(HEAD), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(cells).map(line)]
    .map((l) => l.trimEnd())
    .join('\n');
}

export function markdownTable(rows) {
  const esc = (s) => s.replace(/\|/g, '\\|').replace(/^ +/, '↳ ');
  const out = [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => ' --- ').join('|')}|`];
  for (const r of rows) out.push(`| ${cells(r).map(esc).join(' | ')} |`);
  return out.join('\n');
}

/** The targets of issue 5, each with whether it is met and by how much it is missed. */
export function checkTargets(r) {
  const out = [];
  const miss = (got, limit, lowerIsBetter = true) => {
    if (!Number.isFinite(got) || !Number.isFinite(limit)) return { ok: null, by: 'not measured' };
    const ok = lowerIsBetter ? got <= limit : got >= limit;
    const factor = lowerIsBetter ? got / limit : limit / got;
    return { ok, by: ok ? 'met' : `missed by ${fmtRatio(factor)}` };
  };
  for (const c of r.charts.filter((c) => c.size <= 1024 * 1024 + 64 * 1024)) {
    const limit = 0.5 * c.native.helmVerify.median;
    out.push({
      name: `warm drop→verdict, ${c.label} chart ≤ 0.5 × (gpg --verify + sha256sum)`,
      want: `≤ ${fmtMs(limit)}`,
      got: fmtMs(c.warm),
      ...miss(c.warm, limit),
    });
  }
  if (r.firstDrop) {
    out.push({
      name: 'first drop right after page load → verdict ≤ 300 ms',
      want: '≤ 300 ms',
      got: fmtMs(r.firstDrop.median),
      ...miss(r.firstDrop.median, 300),
    });
  }
  const big = r.charts.find((c) => c.size >= 200 * 1024 * 1024);
  if (big) {
    const mbps = (ms) => big.size / 1024 / 1024 / (ms / 1000);
    const cp = mbps(big.warm);
    const sha = mbps(big.native.sha256sum.median);
    out.push({
      name: `${big.label} archive: drop→hash known (drop→verdict for now) ≥ 0.5 × sha256sum throughput`,
      want: `≥ ${(0.5 * sha).toFixed(0)} MiB/s (sha256sum ${sha.toFixed(0)} MiB/s)`,
      got:
        `${Number.isFinite(cp) ? cp.toFixed(0) : 'n/a'} MiB/s` +
        (big.statusNote ? ` (but the page answered ${big.statusNote})` : ''),
      ...miss(cp, 0.5 * sha, false),
    });
  } else {
    out.push({
      name: '256 MiB archive: drop→hash known ≥ 0.5 × sha256sum throughput',
      want: '',
      got: 'skipped (--quick)',
      ok: null,
      by: 'not measured',
    });
  }
  if (r.repo) {
    const limit = r.repo.native.median / 3;
    out.push({
      name: `repository of ${r.repo.count} charts ≥ 3 × faster than the gpg + sha256sum shell loop`,
      want: `≤ ${fmtMs(limit)}`,
      got: fmtMs(r.repo.warm) + (r.repo.statusNote ? ` (page answered ${r.repo.statusNote})` : ''),
      ...miss(r.repo.warm, limit),
    });
  }
  for (const b of r.bundles.filter((x) => x.budget)) {
    out.push({
      name: `${b.label} JS ≤ ${b.budget / 1000} KB gzip`,
      want: `≤ ${fmtKB(b.budget)}`,
      got: fmtKB(b.gzip),
      ...miss(b.gzip, b.budget),
    });
  }
  return out;
}

export function textTargets(targets) {
  return targets
    .map((t) => {
      const mark = t.ok === true ? 'PASS' : t.ok === false ? 'MISS' : 'n/a ';
      return `${mark}  ${t.name}: got ${t.got}, want ${t.want} — ${t.by}`;
    })
    .join('\n');
}

/** Observations computed from the numbers, for the "why" section. */
export function observations(r) {
  const notes = [];
  for (const c of r.charts) {
    if (c.statusNote) notes.push(`${c.label}: the page answered ${c.statusNote}.`);
  }
  if (r.repo?.statusNote) notes.push(`Repository: the page answered ${r.repo.statusNote}.`);
  const small = r.charts.filter((c) => c.size <= 1024 * 1024 + 64 * 1024);
  for (const c of small) {
    if (!Number.isFinite(c.redrop)) continue;
    notes.push(
      `${c.label}: a warm drop after Reset takes ${fmtMs(c.warm)}, the same drop with the ` +
        `worker kept (files dropped again, no Reset) ${fmtMs(c.redrop)}; the difference ` +
        `(${fmtMs(c.warm - c.redrop)}) is what Reset costs the next drop. ` +
        `gpg --verify alone takes ${fmtMs(c.native.gpgVerify.median)}, sha256sum ` +
        `${fmtMs(c.native.sha256sum.median)} (each including a process start).`,
    );
  }
  if (Number.isFinite(r.workerStartup?.median)) {
    notes.push(
      `Starting a verification worker (new Worker → its first message) takes ` +
        `${fmtMs(r.workerStartup.median)} (runs: ${r.workerStartup.samples.map(fmtMs).join(', ')}).`,
    );
  }
  if (r.firstDrop) {
    notes.push(
      `First drop: ${fmtMs(r.firstDrop.median)} from the input's change event to the verdict, ` +
        `${fmtMs(r.firstDrop.sinceNavigation)} from navigation start; runs: ` +
        `${r.firstDrop.samples.map(fmtMs).join(', ')}.`,
    );
  }
  for (const c of r.charts.filter((x) => x.size > 1024 * 1024 + 64 * 1024)) {
    const mbps = (ms) => (c.size / 1024 / 1024 / (ms / 1000)).toFixed(0);
    notes.push(
      `${c.label}: chartproof ${mbps(c.warm)} MiB/s drop→verdict, sha256sum ` +
        `${mbps(c.native.sha256sum.median)} MiB/s; peak memory ${fmtMemory(c.memory)}.`,
    );
  }
  if (r.repo) {
    notes.push(
      `Repository: ${fmtMs(r.repo.warm / r.repo.count)} per chart in chartproof, ` +
        `${fmtMs(r.repo.native.median / r.repo.count)} per chart in the shell loop.`,
    );
  }
  for (const b of r.bundles) {
    notes.push(
      `${b.label} ${b.file}: ${fmtKB(b.raw)} raw, ${fmtKB(b.gzip)} gzip` +
        (b.budget ? ` (budget ${fmtKB(b.budget)}).` : ' (loaded on demand; no budget).'),
    );
  }
  return notes;
}

const NOTES_BEGIN = '<!-- notes:begin (kept by npm run bench) -->';
const NOTES_END = '<!-- notes:end -->';

export function writeMarkdown(path, r, rows, targets, defaultNotes) {
  let notes = defaultNotes;
  if (existsSync(path)) {
    const old = readFileSync(path, 'utf8');
    const a = old.indexOf(NOTES_BEGIN);
    const b = old.indexOf(NOTES_END);
    if (a >= 0 && b > a) notes = old.slice(a + NOTES_BEGIN.length, b).trim();
  }
  const m = r.machine;
  const mark = (t) => (t.ok === true ? 'met' : t.ok === false ? `**${t.by}**` : 'not measured');
  const md = `# Benchmarks

Produced by \`npm run bench\` (\`node scripts/bench.mjs\`; \`--quick\` skips the 256 MiB chart
and uses 50 charts for the repository; it writes this file only with \`--write\`). The bench
rewrites this file on each full run, except the hand-written section at the end.

- Date: ${m.date}${r.quick ? ' (quick run)' : ''}
- CPU: ${m.cpu}, ${m.nproc} cores (\`nproc\`)
- Memory: ${m.memory}
- Chromium: ${m.chromium} (headless, flags of \`playwright.config.ts\`)
- Node: ${m.node}; GnuPG: ${m.gpg}
- Load average (1/5/15 min): ${m.load} — other work on the machine adds noise
- Total bench time: ${fmtMs(r.elapsed)}

## How it measures

- Inputs are generated in a temporary folder: Helm-style charts (\`NAME-VERSION.tgz\`, top
  folder \`NAME/\`, random incompressible payload) with a \`.prov\` built and clearsigned
  (SHA-512, throwaway Ed25519 key) the way \`scripts/make-sample.sh\` does, and a repository
  of small signed charts.
- **chartproof**: the production build is served by \`scripts/serve.mjs\`; headless Chromium
  gets the \`.tgz\`, \`.prov\` and armored key through \`[data-testid=file-input]\`. The time
  runs from the input's \`change\` event to the DOM mutation after which every fresh
  \`[data-testid=verdict]\` has \`data-status\` (measured in the page). One cold drop, then
  ${r.runs.warm} warm drops with \`[data-testid=reset]\` clicked between them; the median is
  reported. "No Reset" drops give the same files again, which replaces them, so the worker is
  kept but everything is read, hashed and verified again.
- **First drop**: a fresh browser context, \`goto\`, then the 20 KiB chart at once; median of
  ${r.runs.first}.
- **Native**: each command started from Node and timed by wall clock (one warm-up run, median
  of ${r.runs.native}; ${r.runs.nativeBig} for 256 MiB): \`sha256sum\`, \`gpg --verify\` against
  a throwaway \`GNUPGHOME\` holding the imported key, both together (what \`helm verify\`
  does), \`gzip -dc\`, \`tar xzf\`; the repository anchor is one shell loop of
  \`gpg --verify\` + \`sha256sum\` over all charts.
- **Peak memory**: one extra drop per case, in a fresh page with nothing else open, while
  sampling: the renderer process's peak RSS (VmHWM, reset before the drop; page and worker
  live in this process; its RSS just before the drop in brackets), and the V8 heaps of
  the page and of the worker (CDP \`Runtime.getHeapUsage\`, workers reached with
  \`Target.setAutoAttach\`; "buffers" are ArrayBuffer backing stores). Sampled every ~25 ms, so
  short peaks can be missed.
- Ratio = chartproof ÷ native (lower is better; under 1 means chartproof is faster). Rows
  starting with ↳ belong to the case above them: another chartproof measurement, or (empty
  chartproof cell) the warm drop above compared with another native tool.
- Cold = the first drop of those files in the page; after a Reset the page has no worker, so
  the drops of the second and later cases start one too.

## Results

${markdownTable(rows)}

## Targets

| target | want | got | result |
| --- | --- | --- | --- |
${targets.map((t) => `| ${t.name} | ${t.want} | ${t.got} | ${mark(t)} |`).join('\n')}

## Observations (computed)

${observations(r)
  .map((n) => `- ${n}`)
  .join('\n')}

## Why targets are missed

${NOTES_BEGIN}

${notes}

${NOTES_END}
`;
  writeFileSync(path, md);
  return md;
}

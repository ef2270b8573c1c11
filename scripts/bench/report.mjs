// Turns the measurements into the one table, for the console and for docs/benchmarks.md.
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

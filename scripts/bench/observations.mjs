// Sentences computed from the measurements, printed by quick runs and written to the docs.
import { fmtMainThread, fmtMemory } from './report.mjs';
import { fmtBytes, fmtKB, fmtMs } from './util.mjs';

const mbps = (bytes, ms) => (bytes / 1024 / 1024 / (ms / 1000)).toFixed(0);

/** What the page said where it did not verify everything, in its own words. */
function answers(r) {
  const cases = [
    ...r.charts,
    r.firstDrop && { ...r.firstDrop, label: 'First drop' },
    ...(r.repos ?? []).map((p) => ({ ...p, label: `Repository of ${p.count}` })),
    r.many,
    ...(r.big ?? []),
  ].filter(Boolean);
  return cases
    .filter((c) => c.statusNote || c.crashed)
    .map(
      (c) =>
        `${c.label}: the page answered ${c.statusNote}` +
        (c.texts?.length ? ` — the card says: ${c.texts.map((t) => `“${t}”`).join('; ')}` : '') +
        '.',
    );
}

/** Observations computed from the numbers, for the "why" section. */
export function observations(r) {
  const notes = answers(r);
  if (r.dist?.stale) notes.push(`dist/ (built ${r.dist.builtAt}) is older than ${r.dist.newest}.`);
  for (const c of r.charts.filter((x) => x.size <= 1024 * 1024 + 64 * 1024)) {
    if (!Number.isFinite(c.redrop)) continue;
    notes.push(
      `${c.label}: a warm drop after Reset takes ${fmtMs(c.warm)}, the same drop with the ` +
        `worker kept (files dropped again, no Reset) ${fmtMs(c.redrop)}. ` +
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
  const fd = r.firstDrop;
  if (fd) {
    notes.push(
      `First drop: ${fmtMs(fd.median)} from the input's change event to the verdict ` +
        `(${fmtMs(fd.warm)} warm), ${fmtMs(fd.sinceNavigation)} from navigation start; runs: ` +
        `${fd.samples.map(fmtMs).join(', ')} (from navigation: ` +
        `${fd.navigationSamples.map(fmtMs).join(', ')}). Of the median: the load event ends at ` +
        `${fmtMs(fd.loadEnd)}, the driver's change event comes ${fmtMs(fd.driverGap)} later ` +
        `(Playwright's setInputFiles after goto, not page work); load event + change→verdict ` +
        `${fmtMs(fd.withoutDriver)}.`,
    );
  }
  for (const c of [...r.charts.filter((x) => x.size > 1024 * 1024 + 64 * 1024), ...(r.big ?? [])]) {
    if (c.skipped) continue;
    notes.push(
      `${c.label}: chartproof ${mbps(c.size, c.warm)} MiB/s drop→verdict (cold ` +
        `${mbps(c.size, c.cold)} MiB/s), sha256sum ${mbps(c.size, c.native.sha256sum.median)} ` +
        `MiB/s; peak memory ${fmtMemory(c.memory)}; main thread ${fmtMainThread(c.mainThread)}.`,
    );
  }
  for (const p of r.repos ?? []) {
    notes.push(
      `Repository of ${p.count}: ${fmtMs(p.warm / p.count)} per chart in chartproof, ` +
        `${fmtMs(p.native.median / p.count)} per chart in the shell loop; main thread ` +
        `${fmtMainThread(p.mainThread)}.`,
    );
  }
  const m = r.many;
  if (m) {
    notes.push(
      `${m.label}: verdict ${fmtMs(m.warm)} (cold ${fmtMs(m.cold)}), tar tzf ` +
        `${fmtMs(m.native.tarList.median)}; the file tree ` +
        (m.treeShown ? `was shown by ${fmtMs(m.treeBy)} after the verdict` : 'never showed') +
        `; page heap then ${fmtBytes(m.heap?.before)}, ${fmtBytes(m.heap?.afterGc)} after GC; ` +
        `main thread ${fmtMainThread(m.mainThread)}.`,
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

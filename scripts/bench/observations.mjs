// Sentences computed from the measurements, printed by quick runs and written to the docs.
import { fmtMemory } from './report.mjs';
import { fmtKB, fmtMs } from './util.mjs';

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

// The targets of issue 5 checked against the measurements, for the console and the docs.
import { fmtKB, fmtMs, fmtRatio } from './util.mjs';

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

// Writes docs/benchmarks.md: the measurements, the table and targets, and the hand-written
// notes section, which is kept from the previous file across runs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { observations } from './observations.mjs';
import { markdownTable } from './report.mjs';
import { fmtMs, log } from './util.mjs';

const DEFAULT_NOTES = '_Not written yet: what the numbers above suggest about each missed target._';

const NOTES_BEGIN = '<!-- notes:begin (kept by npm run bench) -->';
const NOTES_END = '<!-- notes:end -->';

function writeMarkdown(path, r, rows, targets) {
  let notes = DEFAULT_NOTES;
  if (existsSync(path)) {
    const old = readFileSync(path, 'utf8');
    const a = old.indexOf(NOTES_BEGIN);
    const b = old.indexOf(NOTES_END);
    if (a >= 0 && b > a) notes = old.slice(a + NOTES_BEGIN.length, b).trim();
  }
  const m = r.machine;
  const esc = (x) => x.replace(/\|/g, '\\|');
  const mark = (t) => (t.ok === true ? 'met' : t.ok === false ? `**${t.by}**` : 'not measured');
  const md = `# Benchmarks

Produced by \`npm run bench\` (\`node scripts/bench.mjs\`; \`--quick\` skips the 256 MiB chart
and the GiB archives and uses 50 charts for the repository; \`--only=GROUPS\` runs a subset;
quick and partial runs write this file only with \`--write\`). The bench rewrites this file
on each full run, except the hand-written section at the end. Module by module:
[scripts/bench/README.md](../scripts/bench/README.md).

- Date: ${m.date}${r.quick ? ' (quick run)' : ''}${r.partial ? ' (partial run)' : ''}
- CPU: ${m.cpu}, ${m.nproc} cores (\`nproc\`)
- Memory: ${m.memory}
- Chromium: ${m.chromium} (headless, flags of \`playwright.config.ts\`)
- Node: ${m.node}; GnuPG: ${m.gpg}
- Build served: ${r.dist?.commit ? `commit ${r.dist.commit} (\`--build\`: its committed tree, built ${r.dist.builtAt})` : `dist/ of ${r.dist?.builtAt ?? '?'}${r.dist?.stale ? ` (older than ${r.dist.newest})` : ''}`}
- Load average (1/5/15 min): ${m.load} — other work on the machine adds noise
- Total bench time: ${fmtMs(r.elapsed)}

## How it measures

- Inputs are generated in a temporary folder: Helm-style charts (\`NAME-VERSION.tgz\`, top
  folder \`NAME/\`, Chart.yaml first, random incompressible payload; tar written by the bench,
  gzip level 9) with a \`.prov\` built like Helm's and clearsigned (SHA-512) with one
  throwaway Ed25519 key made by gpg (signed in Node with openpgp.js: one \`gpg --clearsign\`
  per chart would spend minutes on 5,000 charts); repositories of small signed charts
  (the smaller ones are the first charts of the largest); one chart of
  ${r.many ? r.many.files.toLocaleString('en') : '100,000'} one-line files (~98 MiB unpacked,
  inside Helm's 100 MiB limit); and archives of ${(r.big ?? []).map((b) => b.label).join(', ') || 'N GiB'}
  of payload, gzip level 0 (stored: random bytes do not shrink, and level 9 would take
  minutes), each made only when \`df\` says the disk holds it with 2 GiB to spare, and deleted
  right after its run.
- **chartproof**: the production build is served by \`scripts/serve.mjs\`; headless Chromium
  gets the \`.tgz\`, \`.prov\` and armored key through \`[data-testid=file-input]\`. The time
  runs from the input's \`change\` event to the DOM mutation after which every fresh
  \`[data-testid=verdict]\` has \`data-status\` (measured in the page, by a
  \`MutationObserver\` that follows the mutation records instead of rescanning every card, so
  its own cost stays small; it is reported beside the long tasks). One cold drop, then
  ${r.runs.warm} warm drops with \`[data-testid=reset]\` clicked between them (${r.runs.warmBig} for
  256 MiB and the many-files chart, ${r.runs.repoWarm} for repositories under 2,000 charts,
  ${r.runs.repoWarmLarge} from 2,000, ${r.runs.warmHuge} for a GiB archive); the median is reported. "No Reset" drops
  give the same files again, which replaces them, so the worker is kept but everything is
  read, hashed and verified again. A card that is not \`verified\` is reported with its status,
  reason and words (title and headline), and its target is missed.
- **Main thread**: a \`PerformanceObserver\` for \`longtask\` is installed by
  \`addInitScript\` before the page's own scripts; for each drop, the tasks over 50 ms that
  overlap the time from the change event to 200 ms after the last verdict are counted
  (longest, how many, their sum), with the longest gap between animation frames in that time,
  and when the longest one started, from the change event and from the last verdict (a
  negative start from the change event means the task holds the event: the browser building
  the input's file list, then the page's change handler; the longest task starting after the
  event is then given too). Targets judge all of them, as a user feels them. The worst drop
  of each case is shown. For repositories a ↳ row gives the driver's wall clock (setInputFiles until the
  bench sees the verdicts, polled every 50 ms), which includes that file-list time.
- **Navigation → first verdict**: a fresh browser context, \`goto\` (until the load event),
  then the 20 KiB chart at once; the page's own clock gives navigation start → verdict, and
  the change→verdict time of this cold first drop is compared with the warm one; median of
  ${r.runs.first}. The target judges navigation start → verdict as measured, which holds the
  driver's wait between the load event and its change event (Playwright's \`setInputFiles\`
  after \`goto\` resolved); that wait is given apart, with the load event + change→verdict.
- **Native**: each command started from Node and timed by wall clock (one warm-up run, median
  of ${r.runs.native}; ${r.runs.nativeBig} for 256 MiB; ${r.runs.nativeHuge} without warm-up for a GiB
  archive, just written and so in the page cache, as for the page): \`sha256sum\`,
  \`gpg --verify\` against a throwaway \`GNUPGHOME\` holding the imported key, both together
  (what \`helm verify\` does), \`gzip -dc\`, \`tar xzf\`, \`tar tzf\`; the repository anchor
  is one shell loop of \`gpg --verify\` + \`sha256sum\` over all its charts.
- **Peak memory**: one extra drop per chart size (for repositories, the GiB archives and the
  many-files chart: their first drop), in a fresh page with nothing else open, while
  sampling: the renderer process's peak RSS (VmHWM, reset before the drop; page and worker
  live in this process; its RSS just before the drop and the difference in brackets), and the
  V8 heaps of the page and of the worker (CDP \`Runtime.getHeapUsage\`, workers reached with \`Target.setAutoAttach\`;
  "buffers" are ArrayBuffer backing stores). Sampled every ~25 ms, so short peaks can be
  missed. For the many-files chart, the page heap is read again once its file tree is shown,
  before and after a forced garbage collection (\`HeapProfiler.collectGarbage\`).
- Ratio = chartproof ÷ native (lower is better; under 1 means chartproof is faster). Rows
  starting with ↳ belong to the case above them: another chartproof measurement, or (empty
  chartproof cell) the warm drop above compared with another native tool.

## Results

${markdownTable(rows)}

## Targets

| target | want | got | result | details (computed) |
| --- | --- | --- | --- | --- |
${targets.map((t) => `| ${t.name} | ${t.want} | ${t.got} | ${mark(t)} | ${esc(t.why ?? '')} |`).join('\n')}

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

/** Formats the markdown with the project's prettier, when it is installed. */
async function prettify(path, md) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(path)) ?? {};
    writeFileSync(path, await prettier.format(md, { ...options, filepath: path }));
  } catch (e) {
    log(`prettier not applied: ${e.message}`);
  }
}

/** Writes `path`, then formats it (the unformatted file stays if prettier is missing). */
export async function writeBenchmarksMarkdown(path, results, rows, targets) {
  await prettify(path, writeMarkdown(path, results, rows, targets));
}

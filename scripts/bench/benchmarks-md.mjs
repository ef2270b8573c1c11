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

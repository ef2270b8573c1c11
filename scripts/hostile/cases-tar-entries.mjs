// cases-tar-entries.mjs - odd tar structure: empty and duplicate names, links and devices,
// PAX header tricks, and more warnings than the page lists.
import { IMG, JS } from './payloads.mjs';
import { chart, chartYaml, file, hostileCase } from './chart.mjs';

export const tarEntryCases = [
  hostileCase(
    'names-edge',
    'tree edge cases: an entry with an empty name, entries named ".", "/", "..." and " ", duplicate README.md (benign, then hostile) and Chart.yaml, a file and a folder at the same path, names equal to tab names',
    [
      file('names-edge/Chart.yaml', chartYaml('names-edge')),
      file('names-edge/README.md', '# first copy, benign\n'),
      file('names-edge/README.md', `# second copy\n\n<script>${JS}</script>${IMG}`),
      file('names-edge/Chart.yaml', chartYaml('names-edge-duplicate')),
      file('names-edge/x', 'a file named x\n'),
      file('names-edge/x/y', 'a file inside x\n'),
      file('names-edge/files', 'x\n'),
      file('names-edge/summary', 'x\n'),
      file('names-edge/ ', 'space\n'),
      file('names-edge/...', 'dots\n'),
      { raw: Buffer.alloc(0), data: `<script>${JS}</script>` },
      { path: '.', type: '5' },
      { path: '/', type: '5' },
    ],
  ),
  hostileCase(
    'link-entries',
    'links, devices and odd types whose names and targets are payloads: a symlink named <img onerror> pointing to javascript:, README.md and values.yaml as links out of the chart, a 5,000-character PAX link target, FIFO, char and block devices, contiguous and unknown typeflags, setuid modes',
    chart('link-entries', [
      { path: `link-entries/${IMG}`, type: '2', link: `javascript:${JS}` },
      { path: 'link-entries/README.md', type: '2', link: '/etc/passwd' },
      { path: 'link-entries/values.yaml', type: '1', link: '../../../etc/shadow' },
      { path: 'link-entries/long-link', type: '2', link: `<script>${JS}</script>`.repeat(150) },
      { path: 'link-entries/fifo', type: '6' },
      { path: 'link-entries/tty', type: '3' },
      { path: 'link-entries/disk', type: '4' },
      file('link-entries/contiguous.yaml', 'x: 1\n', { type: '7' }),
      file(`link-entries/unknown-<b>Z</b>`, `<script>${JS}</script>`, { type: 'Z' }),
      file('link-entries/setuid.sh', '#!/bin/sh\n', { mode: 0o7777 }),
      { path: 'link-entries/templates/', type: '5', mode: 0o7777 },
    ]),
  ),
  hostileCase(
    'pax-tricks',
    'PAX headers: a payload path overriding a benign ustar name, a PAX path and GNU long name that disagree, a global header, huge and negative mtimes, a README.md with payload PAX keys and comments, then a header with an invalid PAX size that stops reading',
    chart('pax-tricks', [
      {
        path: 'pax-tricks/benign.yaml',
        data: 'x: 1\n',
        pax: { path: `pax-tricks/${IMG}.yaml` },
        expect: `pax-tricks/${IMG}.yaml`,
      },
      {
        path: `pax-tricks/${'n'.repeat(120)}`,
        long: 'gnu',
        data: 'x\n',
        pax: { path: `pax-tricks/<svg onload=${JS}>` },
        expect: `pax-tricks/<svg onload=${JS}>`,
      },
      {
        path: 'pax-tricks/global',
        data: 'x\n',
        pax: { path: `pax-tricks/global-${IMG}` },
        paxType: 'g',
        expect: 'pax-tricks/global',
      },
      {
        path: 'pax-tricks/mtime-huge.yaml',
        data: 'x: 1\n',
        pax: { mtime: '99999999999999999999.5' },
      },
      { path: 'pax-tricks/mtime-negative.yaml', data: 'x: 1\n', pax: { mtime: '-99999999999' } },
      {
        path: 'pax-tricks/README.md',
        data: `# pax\n\n<script>${JS}</script>${IMG}\n`,
        pax: { comment: `<script>${JS}</script>`, [`<img src=x onerror=${JS}>`]: 'key' },
      },
      { path: 'pax-tricks/bad-size.yaml', data: 'x\n', pax: { size: 'NaN<script>' }, expect: null },
    ]),
    // A PAX size that is no number is a tar fault (Go: "archive/tar: invalid tar header").
    { status: 'error' },
  ),
  hostileCase(
    'many-warnings',
    '60 entries that each climb out with ../ and carry a payload name: more warnings than the page lists (50), every one clicked',
    chart('many-warnings', [
      ...Array.from({ length: 60 }, (_, i) =>
        file(`many-warnings/../${i}-<img src=x onerror=window.__pwned=${i + 1}>.yaml`, `n: ${i}\n`),
      ),
    ]),
  ),
];

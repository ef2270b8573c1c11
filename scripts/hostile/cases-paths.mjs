// cases-paths.mjs - hostile entry paths: very long names, traversal out of the chart,
// control characters and Unicode look-alikes.
import { IMG, JS } from './payloads.mjs';
import { chart, chartYaml, file, hostileCase } from './chart.mjs';

const longName = 'x'.repeat(10000);

const deep = Array.from({ length: 100 }, (_, i) => `d${i}`).join('/');

const cNames = [
  'new\nline.yaml',
  'carriage\rreturn.yaml',
  'tab\there.yaml',
  '\x1b[31mansi\x1b[0m\x1b]0;title\x07.yaml',
  'bell\x07back\x08del\x7f.yaml',
  'c1\u0085\u009b\u0090.yaml',
  'line\u2028para\u2029sep.yaml',
  'vertical\x0btab\x0cfeed.yaml',
];

const unicodeChart = chartYaml('unicode\u202Etricks', 'keywords: ["\u202Egnp.exe", "\u200B"]\n');

export const pathCases = [
  hostileCase(
    'long-names',
    'signed; a 10,000-character chart name (Chart.yaml and prov), paths over 255 chars (PAX and GNU long names), a 100-level deep folder, a 1,000-character segment, a long symlink target',
    [
      file('long-names/Chart.yaml', chartYaml(longName)),
      file(`long-names/${'p'.repeat(300)}.yaml`, 'pax: long\n'),
      file(`long-names/${'g'.repeat(280)}.yaml`, 'gnu: long\n', { long: 'gnu' }),
      file(`long-names/${deep}/deep.yaml`, 'deep: 1\n'),
      file(`long-names/${'s'.repeat(1000)}`, `${IMG}\n`),
      { path: 'long-names/link', type: '2', link: `../${'l'.repeat(400)}/<script>${JS}</script>` },
      file(
        'long-names/README.md',
        `# ${'w'.repeat(5000)}\n\n${'[x](https://evil.example/'.repeat(200)}`,
      ),
    ],
    { sign: true },
  ),
  hostileCase(
    'traversal',
    'paths with ../, absolute paths, a Windows drive letter, backslashes, ./ and // segments, Chart.yaml outside the chart folder, symlink to /etc/shadow, hardlink out of the chart (Helm refuses the chart)',
    chart('traversal', [
      file('../../../../tmp/evil.sh', `#!/bin/sh\necho ${JS}\n`, { mode: 0o755 }),
      file('/etc/passwd', 'root:x:0:0::/root:/bin/sh\n'),
      file('traversal/../../escape.yaml', 'x: 1\n'),
      file('C:/Windows/evil.dll', 'MZ'),
      file('traversal\\..\\..\\backslash.txt', 'x\n'),
      file('./traversal/./templates/dot.yaml', 'x: 1\n'),
      file('traversal//double//slash.yaml', 'x: 1\n'),
      file('Chart.yaml', chartYaml('outside')),
      { path: 'traversal/templates/shadow', type: '2', link: '/etc/shadow' },
      { path: 'traversal/hard', type: '1', link: '../../etc/passwd' },
      { path: 'traversal/values.yaml', type: '2', link: '../../../../etc/passwd' },
    ]),
  ),
  hostileCase(
    'control-chars',
    'control characters in names (newline, CR, tab, ANSI escapes, BEL/BS/DEL, C1, U+2028/2029), a NUL inside a PAX path followed by a payload, a NUL in the ustar name field hiding a payload, invalid UTF-8 and CESU surrogates in names, NUL bytes in contents',
    chart('control-chars', [
      ...cNames.map((n) => file(`control-chars/${n}`, `name: ${JSON.stringify(n)}\n`)),
      file(`control-chars/nul\0${IMG}.yaml`, 'x: 1\n'),
      { raw: Buffer.from(`control-chars/before-nul.yaml\0<script>${JS}</script>`), data: 'x: 1\n' },
      {
        raw: Buffer.from([
          ...Buffer.from('control-chars/bad-'),
          0xff,
          0xfe,
          0xc0,
          0xaf,
          ...Buffer.from('.yaml'),
        ]),
        data: 'x: 1\n',
      },
      {
        raw: Buffer.from([
          ...Buffer.from('control-chars/cesu-'),
          0xed,
          0xa0,
          0x80,
          ...Buffer.from('.yaml'),
        ]),
        data: 'x: 1\n',
      },
      file('control-chars/nul-bytes.yaml', Buffer.from(`a: 1\0\0<script>${JS}</script>\0\n`)),
    ]),
  ),
  hostileCase(
    'unicode-tricks',
    'signed with a prov whose name differs (metadata-mismatch); RTL override (U+202E) in names and in the chart name, zero-width characters (U+200B/200C/200D/FEFF), a name of only zero-width characters, bidi isolates, a Cyrillic Chart.yaml look-alike, fullwidth <script>, 300 combining marks, emoji',
    chart(
      'unicode-tricks',
      [
        file('unicode-tricks/templates/evil\u202Elmay.sh', `#!/bin/sh\n${JS}\n`),
        file('unicode-tricks/\u200Bvalues.yaml', `fake: "${IMG.replace(/"/g, '\\"')}"\n`),
        file('unicode-tricks/values.yaml', 'real: 1\n'),
        file('unicode-tricks/Chart\u200D.yaml', 'name: fake\n'),
        file('unicode-tricks/\uFEFFREADME.md', `# bom name\n\n${IMG}\n`),
        file('unicode-tricks/\u0421hart.yaml', 'name: cyrillic\n'),
        file('unicode-tricks/\u200B\u200C\u200D', 'zero width only\n'),
        file('unicode-tricks/\u2066\u2067\u2068isolates\u2069.yaml', 'x: 1\n'),
        file('unicode-tricks/\uFF1Cscript\uFF1Ealert(1)\uFF1C\uFF0Fscript\uFF1E.yaml', 'x: 1\n'),
        file(`unicode-tricks/z${'\u0338\u0322\u031b'.repeat(100)}algo.yaml`, 'x: 1\n'),
        file('unicode-tricks/\u{1F47E}\u{1F3F4}\u200D\u2620\uFE0F.yaml', 'x: 1\n'),
      ],
      { chart: unicodeChart },
    ),
    { sign: true, provMeta: chartYaml('unicode-tricks'), warnings: ['metadata-mismatch'] },
  ),
];

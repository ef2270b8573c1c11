#!/usr/bin/env node
// make-hostile.mjs - writes the hostile chart corpus to e2e/fixtures/hostile/: chart
// archives (NAME-VERSION.tgz) that each attack the page a different way (XSS in markdown,
// names, values, Chart.yaml; odd tar entries; Unicode tricks; deep nesting; prototype keys),
// a few of them signed like `helm package --sign` (see make-sample.sh) with a throwaway key
// whose user ID is itself a payload, a manifest.json the e2e spec reads (each case's
// expected verdict and tree paths) and a README.md listing the cases.
// Tar and gzip are written here (node:zlib), so entries a tar CLI refuses to create (`..`,
// absolute paths, NUL in PAX names, invalid UTF-8) are possible and the archives are
// byte-for-byte reproducible (fixed mtimes). Signing needs gpg 2.2+; keys differ per run.
// Every script payload tries to set window.__pwned or call alert(); the page must run none.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../e2e/fixtures/hostile');
const MTIME = 1767225600; // 2026-01-01T00:00:00Z
const VERSION = '0.1.0';
const KEY_FILE = 'hostile-signer.asc';
const SIGNER = `"><img src=x onerror="window.__pwned=1;alert(1)"> <script>window.__pwned=1</script> <signer@chartproof.invalid>`;

// ---------------------------------------------------------------- payloads
const JS = 'window.__pwned=1;alert(1)';
const B64_HTML = Buffer.from(`<script>${JS}</script>`).toString('base64');
const SVG_SCRIPT = `<svg xmlns="http://www.w3.org/2000/svg" onload="${JS}"><script>${JS}</script></svg>`;
const B64_SVG = Buffer.from(SVG_SCRIPT).toString('base64');
const IMG = `<img src=x onerror="${JS}">`;

// ---------------------------------------------------------------- tar writer
/**
 * An entry: `path` (string) is stored in the ustar name field when it fits, else in a PAX
 * `path` record (`long: 'gnu'` for a GNU ././@LongLink header instead); `raw` (Buffer) is
 * written into the name field as is. `type` is the typeflag ('0' file, '5' dir, '2' symlink,
 * '1' hardlink, others). `expect` overrides the path the reader should report.
 */
function field(buf, at, len, value) {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
  bytes.copy(buf, at, 0, Math.min(len, bytes.length));
}
const octal = (n, len) => n.toString(8).padStart(len - 1, '0') + '\0';

function header({ name, type, size = 0, mode, link = '' }) {
  const h = Buffer.alloc(512);
  field(h, 0, 100, name);
  field(h, 100, 8, octal(mode, 8));
  field(h, 108, 8, octal(0, 8));
  field(h, 116, 8, octal(0, 8));
  field(h, 124, 12, octal(size, 12));
  field(h, 136, 12, octal(MTIME, 12));
  field(h, 148, 8, '        ');
  field(h, 156, 1, type);
  field(h, 157, 100, link);
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  let sum = 0;
  for (const b of h) sum += b;
  field(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

function paxRecord(key, value) {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body);
  while (Buffer.byteLength(String(len) + body) !== len) len = Buffer.byteLength(String(len) + body);
  return String(len) + body;
}

const pad = (buf) => Buffer.concat([buf, Buffer.alloc((512 - (buf.length % 512)) % 512)]);

function tar(entries) {
  const blocks = [];
  for (const e of entries) {
    const type = e.type ?? '0';
    const data = e.data === undefined ? Buffer.alloc(0) : Buffer.from(e.data);
    const mode = e.mode ?? (type === '5' ? 0o755 : 0o644);
    let name = e.raw ?? e.path;
    const pax = { ...e.pax };
    const bytes = Buffer.from(name);
    if (!e.raw && (bytes.length > 100 || name.includes('\0'))) {
      if (e.long === 'gnu') {
        const body = Buffer.concat([bytes, Buffer.alloc(1)]);
        blocks.push(header({ name: '././@LongLink', type: 'L', size: body.length, mode: 0 }));
        blocks.push(pad(body));
      } else pax.path = name;
      name = bytes.subarray(0, 100).toString('latin1').replace(/\0/g, '_');
      name = Buffer.from(name, 'latin1');
    }
    if (e.link && Buffer.byteLength(e.link) > 100) pax.linkpath = e.link;
    if (Object.keys(pax).length) {
      const body = Buffer.from(
        Object.entries(pax)
          .map(([k, v]) => paxRecord(k, v))
          .join(''),
      );
      blocks.push(
        header({ name: 'PaxHeader/entry', type: e.paxType ?? 'x', size: body.length, mode: 0o644 }),
      );
      blocks.push(pad(body));
    }
    const link = e.link && Buffer.byteLength(e.link) <= 100 ? e.link : (e.link ?? '').slice(0, 50);
    blocks.push(header({ name, type, size: e.size ?? data.length, mode, link }));
    if (data.length) blocks.push(pad(data));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** The path our reader (and `tar tzf`, modulo escaping) reports for an entry. */
function reportedPath(e) {
  if (e.expect !== undefined) return e.expect;
  let name;
  if (e.raw) {
    const nul = e.raw.indexOf(0);
    name = new TextDecoder().decode(nul < 0 ? e.raw : e.raw.subarray(0, nul));
  } else name = e.path;
  return name.replace(/\/+$/, '') || name;
}

const gz = (entries) => gzipSync(tar(entries), { level: 9 });

// ---------------------------------------------------------------- chart helpers
const chartYaml = (name, extra = '') =>
  `apiVersion: v2\nname: ${name}\nversion: ${VERSION}\ndescription: hostile fixture ${name}\n${extra}`;
const file = (path, data, more = {}) => ({ path, data, ...more });

/** A chart: top folder NAME, a Chart.yaml (unless given), then the other files. */
function chart(name, files, { chart: cy = chartYaml(name) } = {}) {
  const out = files.slice();
  if (cy !== null) out.unshift(file(`${name}/Chart.yaml`, cy));
  return out;
}

// ---------------------------------------------------------------- the cases
const cases = [];
/**
 * @param {string} id chart name and archive base name
 * @param {string} attacks one line for the README
 * @param {object[]} entries tar entries
 * @param {{sign?: boolean, provMeta?: string, status?: string, warnings?: string[]}} opts
 */
function add(id, attacks, entries, opts = {}) {
  cases.push({ id, attacks, entries, ...opts });
}

const readmeHtml = [
  '# readme-html: raw HTML in markdown',
  `<script>${JS}</script>`,
  IMG,
  `<img src="javascript:${JS}"> <img src="data:text/html;base64,${B64_HTML}">`,
  `<img src="data:image/svg+xml;base64,${B64_SVG}" alt="svg data image">`,
  `<iframe src="javascript:parent.__pwned=1"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned=1;parent.alert(1)</script>"></iframe>`,
  `<svg><script>${JS}</script></svg>`,
  `<svg onload="${JS}"><animate onbegin="${JS}" attributeName="x" dur="1s"/></svg>`,
  `<style>@import url(https://evil.example/x.css); body { background: url(https://evil.example/bg.png) } * { display: none }</style>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${JS}">`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
  `<form action="javascript:${JS}"><input type="submit" autofocus onfocus="${JS}"><button formaction="javascript:${JS}">go</button></form>`,
  `<object data="javascript:${JS}"></object><embed src="data:text/html;base64,${B64_HTML}">`,
  `<base href="javascript:${JS}//">`,
  `<details open ontoggle="${JS}"><summary>toggle</summary>details</details>`,
  `<video src="x" onerror="${JS}"><source onerror="${JS}"></video><audio src="x" onerror="${JS}"></audio>`,
  `<body onload="${JS}"><div onmouseover="${JS}" style="position:fixed;inset:0">hover</div>`,
  `<a href="javascript:${JS}">js link</a> <a href="JaVaScRiPt:${JS}">mixed case</a>`,
  `<a href="jav&#x09;ascript:${JS}">tab entity</a> <a href="&#106;avascript:${JS}">char ref</a>`,
  `<a href="data:text/html;base64,${B64_HTML}">data link</a> <a href="vbscript:msgbox(1)">vbscript</a>`,
  `<x-evil onclick="${JS}">custom element</x-evil> <div is="x" onpointerenter="${JS}">is</div>`,
  `<textarea><script>${JS}</script></textarea> <title><script>${JS}</script></title>`,
  `<template><script>${JS}</script></template>`,
  `<marquee onstart="${JS}">marquee</marquee> <keygen autofocus onfocus="${JS}">`,
  `<isindex action="javascript:${JS}" type="image">`,
].join('\n\n');
add(
  'readme-html',
  'README.md raw HTML: script, onerror img, iframes (src/srcdoc), svg script/onload, style, meta refresh, form/formaction, object/embed, base, details ontoggle, media onerror, javascript:/data:/vbscript: links',
  chart('readme-html', [file('readme-html/README.md', readmeHtml)]),
);

const readmeLinks = [
  '# readme-links: markdown link and image schemes',
  `[js](javascript:${JS}) [js encoded](javascript&#58;alert(1)) [js upper](JAVASCRIPT:alert(1))`,
  '[js newline](java\nscript:alert(1)) [js tab](java\tscript:alert(1))',
  `[data](data:text/html;base64,${B64_HTML}) [vbscript](vbscript:alert(1)) [file](file:///etc/passwd)`,
  '[protocol relative](//evil.example/x) [blob](blob:https://evil.example/0000) [relative](../../etc/passwd)',
  '<javascript:alert(1)> <data:text/html,<script>alert(1)</script>>',
  '[reference][r1] [other][r2]\n\n[r1]: javascript:alert(1)\n[r2]: data:text/html,<script>alert(1)</script>',
  `![js image](javascript:${JS}) ![svg image](data:image/svg+xml;base64,${B64_SVG})`,
  '![remote image](https://evil.example/track.png "title") ![relative](../icon.png)',
  '[title breakout](https://ok.example "\\"><img src=x onerror=alert(1)>")',
  'www.evil.example and https://evil.example/"onmouseover="alert(1) autolinks',
  '<https://evil.example/"><script>alert(1)</script>>',
  '`<script>alert(1)</script>` in code\n\n```html\n<script>window.__pwned=1;alert(1)</script>\n```',
  '| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |',
  '- [ ] <input type=checkbox onclick=alert(1)> task',
  'footnote[^1]\n\n[^1]: <script>alert(1)</script>',
].join('\n\n');
add(
  'readme-links',
  'README.md markdown links/images/autolinks/reference links with javascript:, data:, vbscript:, file:, protocol-relative URLs; title breakouts; payloads in code, tables, tasks',
  chart('readme-links', [file('readme-links/README.md', readmeLinks)]),
);

const readmeMxss = [
  '# readme-mxss: mutation XSS and parser confusion',
  `<noscript><p title="</noscript><img src=x onerror=${JS}>"></noscript>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${JS}"></style></mglyph></table></mtext></math>`,
  `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=${JS}>"></style></svg></mglyph></h1></mtext></math>`,
  `<svg></p><style><a id="</style><img src=1 onerror=${JS}>">`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${JS}">`,
  `<!--><img src=x onerror="${JS}">--> <![CDATA[><img src=x onerror="${JS}">]]>`,
  `<?xml-stylesheet href="javascript:alert(1)"?> <!DOCTYPE html [<!ENTITY x "<script>alert(1)</script>">]>`,
  `<div id="root">dom clobbering</div> <form name="getElementById"></form> <img name="cookie"> <a id="__pwned" href="https://evil.example">clobber</a>`,
  `<table><caption><svg><desc><table><td></td></table></desc></svg></caption><td><style><img src=x onerror="${JS}"></style></td></table>`,
  `<select><template><style><img src=x onerror="${JS}"></style></template></select>`,
  `<a href="https://ok.example" onclick="${JS}" style="background:url(https://evil.example/x)">handler on allowed link</a>`,
].join('\n\n');
add(
  'readme-mxss',
  'README.md mutation-XSS classics (noscript, math/mglyph/style, svg/p, form nesting, comments, CDATA), DOM clobbering ids/names; also readme.md / README.MD / docs/README.md variants',
  chart('readme-mxss', [
    file('readme-mxss/README.md', readmeMxss),
    file('readme-mxss/readme.md', `# lower\n\n${IMG}`),
    file('readme-mxss/README.MD', `# upper\n\n<script>${JS}</script>`),
    file('readme-mxss/docs/README.md', `# docs\n\n[x](javascript:${JS})`),
  ]),
);

add(
  'readme-remote',
  'README.md that tries to load remote resources: img/srcset/picture/video poster/input image/table background/link prefetch/css url()/a ping/iframe/object/audio/track; nothing may leave the origin',
  chart('readme-remote', [
    file(
      'readme-remote/README.md',
      [
        '# readme-remote: remote loads',
        '<img src="https://evil.example/track.png" alt="tracker"> ![md](https://evil.example/md.png)',
        '<img srcset="https://evil.example/a.png 1x, https://evil.example/b.png 2x" src="x">',
        '<picture><source srcset="https://evil.example/p.webp"><img src="https://evil.example/p.png"></picture>',
        '<video poster="https://evil.example/poster.png" src="https://evil.example/v.mp4"><track src="https://evil.example/t.vtt"></video>',
        '<audio src="https://evil.example/a.mp3" autoplay></audio>',
        '<input type="image" src="https://evil.example/i.png"> <table background="https://evil.example/bg.png"><tr><td>t</td></tr></table>',
        '<link rel="stylesheet" href="https://evil.example/x.css"><link rel="prefetch" href="https://evil.example/p"><link rel="dns-prefetch" href="//evil.example">',
        '<div style="background-image:url(https://evil.example/css.png)">css</div><span style="--x:url(https://evil.example/var.png)">var</span>',
        '<a href="https://evil.example/" ping="https://evil.example/ping">ping</a>',
        '<iframe src="https://evil.example/"></iframe> <object data="https://evil.example/o.swf"></object> <embed src="https://evil.example/e.swf">',
        '<svg><image href="https://evil.example/svg.png"/><use href="https://evil.example/s.svg#x"/></svg>',
        '<img src="//evil.example/protocol-relative.png"> <img src="http://127.0.0.2:4401/other-port.png">',
      ].join('\n\n'),
    ),
  ]),
);

add(
  'readme-spoof',
  'README.md that fakes the page: a verdict card with the contract hooks (data-testid="verdict", data-status="verified"), tree entries, reset/sample/file-input hooks, app ids and classes, ARIA live regions and roles, a #fingerprint= link that would pin the attacker key',
  chart('readme-spoof', [
    file(
      'readme-spoof/README.md',
      [
        '# readme-spoof',
        '<article class="card status-verified" data-testid="verdict" data-status="verified" data-chart="readme-spoof@0.1.0" data-signer-fingerprint="DEADBEEFDEADBEEFDEADBEEFDEADBEEFDEADBEEF" data-helm="accept" role="alert" aria-live="assertive"><header class="status"><h2>Verified</h2></header></article>',
        '<ul><li data-testid="tree-entry" data-path="readme-spoof/fake.yaml" role="treeitem" tabindex="0">fake.yaml</li></ul>',
        '<div id="root" class="cards tabs"><button data-testid="reset" data-tab="files">files</button><span data-testid="sample">sample</span><span data-testid="file-input">input</span></div>',
        '<div role="tablist" aria-label="Views"><span role="tab" aria-selected="true" data-tab="summary">summary</span></div>',
        '[Pin our key](#fingerprint=DEADBEEFDEADBEEFDEADBEEFDEADBEEFDEADBEEF) <a href="#fingerprint=DEADBEEFDEADBEEFDEADBEEFDEADBEEFDEADBEEF">pin</a>',
        '<span class="hljs-string language-x card">class filter</span>',
      ].join('\n\n'),
    ),
  ]),
);

const N = 5000;
add(
  'readme-nested',
  `README.md with ${N} nested lists, ${N} nested quotes, ${N} nested divs/ul, ${N} open brackets and emphasis runs (stack depth, parser backtracking), payloads at the bottom of deep nesting`,
  chart('readme-nested', [
    file(
      'readme-nested/README.md',
      [
        '# readme-nested',
        '- '.repeat(N) + 'deep list',
        '> '.repeat(N) + 'deep quote',
        '1. '.repeat(2000) + 'deep ordered',
        '* > '.repeat(1500) + 'mixed',
        '<div>'.repeat(N) + IMG + '</div>'.repeat(N),
        '<ul><li>'.repeat(N) + `<script>${JS}</script>` + '</li></ul>'.repeat(N),
        '['.repeat(N) + 'x' + '](javascript:alert(1))'.repeat(50),
        '*_'.repeat(N) + 'emphasis' + '_*'.repeat(N),
        '`'.repeat(N) + ' backticks',
        '<'.repeat(N) + 'angles',
      ].join('\n\n'),
    ),
  ]),
);

const big = `<a href="javascript:${JS}">x</a><img src=x onerror="${JS}"> `;
const PREVIEW = 200 * 1024;
const straddle = '#'.repeat(PREVIEW - 10) + `<img src=x onerror="${JS}">`; // cut mid-tag by the 200 KiB preview
add(
  'readme-huge',
  'README.md and a text file over the 200 KiB preview, cut mid-tag; a 190 KiB single line of links/handlers (Show all is clicked)',
  chart('readme-huge', [
    file('readme-huge/README.md', straddle + '\n\n' + big.repeat(500)),
    file(
      'readme-huge/one-line.yaml',
      `key: "${big.repeat(Math.floor((190 * 1024) / big.length))}"`,
    ),
    file('readme-huge/straddle.txt', straddle + '\n' + big.repeat(100)),
  ]),
);

add(
  'filename-xss',
  'file and folder names that are payloads: <img onerror>, "><svg onload>, </script>, javascript:, template injection, quotes, __proto__/constructor/toString/hasOwnProperty names',
  chart('filename-xss', [
    file(`filename-xss/${IMG}.yaml`, 'a: 1\n'),
    file(`filename-xss/"><svg onload=${JS}>.txt`, 'x\n'),
    file(`filename-xss/<script>${JS}</script>.md`, `# named like a script\n\n${IMG}\n`), // the "/" makes a folder
    file(`filename-xss/javascript:${JS}`, 'x\n'),
    file(`filename-xss/{{constructor.constructor('${JS}')()}}.yaml`, 'x: 1\n'),
    file(`filename-xss/\${alert(1)}';alert(1);'.yaml`, 'x: 1\n'),
    file(`filename-xss/templates/<iframe src=javascript:${JS}>.yaml`, 'kind: ConfigMap\n'),
    file(`filename-xss/<style>*{display:none}</style>.yaml`, 'x: 1\n'),
    file('filename-xss/__proto__', 'proto\n'),
    file('filename-xss/constructor/prototype/polluted', 'x\n'),
    file('filename-xss/toString', 'x\n'),
    file('filename-xss/hasOwnProperty/valueOf.yaml', 'x: 1\n'),
  ]),
);

add(
  'values-xss',
  'values.yaml with payloads in values, keys, comments, block scalars, anchors/aliases, __proto__/constructor keys, a !!js/function tag; span-breaking text against the highlighter',
  chart('values-xss', [
    file(
      'values-xss/values.yaml',
      [
        `# </span><script>${JS}</script>`,
        `name: "<script>${JS}</script>"`,
        `img: ${IMG}`,
        `url: javascript:${JS}`,
        'nested:',
        `  "<svg onload=${JS}>": "</code></pre></li></ol><script>${JS}</script>"`,
        'multi: |',
        `  </li></ol><img src=x onerror="${JS}">`,
        `  <span class="hljs-string" onclick="${JS}">span</span>`,
        `anchor: &a {x: "${IMG.replace(/"/g, '\\"')}"}`,
        'alias: *a',
        '__proto__: {polluted: "yes"}',
        'constructor: {prototype: {polluted: "yes"}}',
        'fn: !!js/function "function () { window.__pwned = 1 }"',
        '',
      ].join('\n'),
    ),
  ]),
);

const deepJson = '{"a":'.repeat(3000) + '"<script>alert(1)</script>"' + '}'.repeat(3000);
add(
  'schema-proto',
  'values.schema.json with __proto__ / constructor.prototype keys, payload descriptions, $ref javascript:, 3000-deep nesting (values.yaml too)',
  chart('schema-proto', [
    file('schema-proto/values.yaml', '__proto__:\n  polluted: "yes"\n'),
    file(
      'schema-proto/values.schema.json',
      JSON.stringify(
        {
          $schema: 'https://json-schema.org/draft-07/schema#',
          $ref: `javascript:${JS}`,
          description: `</script><script>${JS}</script>`,
          properties: {
            ['<img src=x onerror=alert(1)>']: { type: 'string', default: IMG },
            constructor: {
              properties: { prototype: { properties: { polluted: { const: 'yes' } } } },
            },
          },
          deep: JSON.parse(deepJson.slice(0, 200) + '1' + '}'.repeat(40)),
        },
        null,
        2,
      ).replace('"$schema"', '"__proto__": {"polluted": true},\n  "$schema"'),
    ),
    file('schema-proto/deep.json', deepJson),
  ]),
);

const fieldsYaml = chartYaml(
  'chartyaml-fields',
  [
    `appVersion: "<script>${JS}</script>"`,
    `home: "javascript:${JS}"`,
    `icon: "javascript:${JS}"`,
    'sources:',
    `  - "javascript:${JS}"`,
    `  - "data:text/html;base64,${B64_HTML}"`,
    `  - 'https://evil.example/"><img src=x onerror=alert(1)>'`,
    `keywords: ["<svg onload=alert(1)>", "kw"]`,
    `kubeVersion: ">=1.0 <script>alert(1)</script>"`,
    `type: 'application"><script>alert(1)</script>'`,
    'maintainers:',
    `  - name: "<b onmouseover=alert(1)>evil</b>"`,
    `    email: '"><img src=x onerror=alert(1)>@evil.example'`,
    `    url: "javascript:${JS}"`,
    'dependencies:',
    `  - name: "<img src=x onerror=alert(1)>"`,
    '    version: "1.0.0"',
    `    repository: "javascript:${JS}"`,
    `    condition: "<script>alert(1)</script>"`,
    '',
  ].join('\n'),
).replace(
  /^description: .*$/m,
  `description: "${IMG.replace(/"/g, '\\"')} <script>${JS}</script>"`,
);
add(
  'chartyaml-fields',
  'signed; Chart.yaml fields with payloads: description, appVersion, home/icon javascript:, sources (javascript:/data:/quote breakout), keywords, kubeVersion, type, maintainers name/email/url, dependencies; the signer key user ID is a payload too',
  chart('chartyaml-fields', [file('chartyaml-fields/values.yaml', 'x: 1\n')], {
    chart: fieldsYaml,
  }),
  { sign: true },
);

const annYaml = chartYaml(
  'chartyaml-annotations',
  [
    'annotations:',
    '  artifacthub.io/signKey: |',
    '    fingerprint: DEADBEEFDEADBEEFDEADBEEFDEADBEEFDEADBEEF',
    `    url: javascript:${JS}`,
    '  artifacthub.io/links: |',
    `    - name: "<img src=x onerror=alert(1)>"`,
    `      url: javascript:${JS}`,
    '  artifacthub.io/changes: |',
    '    - kind: added',
    `      description: "<script>${JS}</script>"`,
    `  artifacthub.io/images: "- name: x\\n  image: <svg onload=alert(1)>"`,
    `  artifacthub.io/license: "<svg onload=alert(1)>"`,
    `  "<img src=x onerror=alert(1)>": "the key is a payload"`,
    '  nested: {a: "<script>alert(1)</script>"}',
    '  list: ["<b>1</b>", "2"]',
    '',
  ].join('\n'),
);
add(
  'chartyaml-annotations',
  'signed; annotations: artifacthub.io/signKey naming another fingerprint (signkey-mismatch) with a javascript: url, links/changes/images/license payloads, a payload as annotation key, non-string annotation values',
  chart('chartyaml-annotations', [], { chart: annYaml }),
  { sign: true, warnings: ['signkey-mismatch'] },
);

const protoYaml = chartYaml(
  'chartyaml-proto',
  [
    '__proto__:',
    '  polluted: "yes"',
    '  toString: "x"',
    'constructor:',
    '  prototype:',
    '    polluted: "yes"',
    'prototype: {polluted: "yes"}',
    'toString: "not a function"',
    'valueOf: "x"',
    'hasOwnProperty: "x"',
    'keywords:',
    '  - toString: x',
    '    valueOf: y',
    '  - plain',
    'sources:',
    '  - __proto__: {polluted: "yes"}',
    '  - {toString: "x"}',
    'maintainers:',
    '  - __proto__: {name: polluted}',
    '    toString: x',
    '    name: {toString: x}',
    '    email: [a, b]',
    'annotations:',
    `  __proto__: "${IMG.replace(/"/g, '\\"')}"`,
    '  constructor: "x"',
    '  toJSON: "x"',
    '  artifacthub.io/signKey: {fingerprint: ABCDEF0123456789ABCDEF}',
    'dependencies:',
    '  - __proto__: {name: polluted}',
    '    toString: x',
    '    name: {valueOf: x}',
    '',
  ].join('\n'),
);
add(
  'chartyaml-proto',
  'signed; prototype-pollution keys in Chart.yaml (__proto__, constructor.prototype, prototype, toString/valueOf/hasOwnProperty/toJSON) at the top, in keywords, sources, maintainers, annotations, dependencies; maps where strings belong',
  chart('chartyaml-proto', [], { chart: protoYaml }),
  { sign: true },
);

add(
  'chartyaml-types',
  'Chart.yaml with the wrong types everywhere (name a map, version a list, maintainers a string, dependencies a map, annotations a list, keywords nested), !!binary and unknown tags',
  chart('chartyaml-types', [], {
    chart: [
      'apiVersion: [v2]',
      `name: {"<img src=x onerror=alert(1)>": x}`,
      'version: [0, 1, 0]',
      `description: !!binary ${B64_HTML}`,
      `home: !<tag:evil> "javascript:${JS}"`,
      `maintainers: "<script>${JS}</script>"`,
      'dependencies: {name: x, repository: "javascript:alert(1)"}',
      'annotations: ["<svg onload=alert(1)>"]',
      'keywords: [[a, [b, {c: "<img src=x onerror=alert(1)>"}]]]',
      'sources: ~',
      '',
    ].join('\n'),
  }),
);

add(
  'chartyaml-bomb',
  'Chart.yaml that is a YAML alias bomb (billion laughs) with payloads in it, followed by a second document (the error path)',
  chart('chartyaml-bomb', [], {
    chart: [
      'apiVersion: v2',
      'name: chartyaml-bomb',
      'version: 0.1.0',
      `description: &a ["<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"]`,
      ...'bcdefghij'
        .split('')
        .map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
      '---',
      `name: second-document-<script>${JS}</script>`,
      '',
    ].join('\n'),
  }),
);

const longName = 'x'.repeat(10000);
const deep = Array.from({ length: 100 }, (_, i) => `d${i}`).join('/');
add(
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
);

add(
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
);

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
add(
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
);

const unicodeChart = chartYaml('unicode\u202Etricks', 'keywords: ["\u202Egnp.exe", "\u200B"]\n');
add(
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
);

const htmlDoc = `<!DOCTYPE html>\n<html><head><meta http-equiv="refresh" content="0;url=javascript:${JS}"><script>${JS}</script><base href="https://evil.example/"></head>\n<body onload="${JS}">${IMG}<iframe srcdoc="<script>parent.alert(1)</script>"></iframe></body></html>\n`;
add(
  'templates-html',
  'templates that look like HTML: a deployment.yaml that is an HTML page, NOTES.txt and _helpers.tpl with script comments, index.html, .xhtml and .svg templates; a CRD whose description is HTML (CRDs tab)',
  chart('templates-html', [
    file('templates-html/templates/deployment.yaml', htmlDoc),
    file(
      'templates-html/templates/NOTES.txt',
      `Thanks! <script>${JS}</script>\n{{ .Release.Name }} ${IMG}\n`,
    ),
    file(
      'templates-html/templates/_helpers.tpl',
      `{{/* </script><script>${JS}</script> */}}\n{{- define "x" -}}${IMG}{{- end -}}\n`,
    ),
    file('templates-html/templates/index.html', htmlDoc),
    file(
      'templates-html/templates/page.xhtml',
      `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>${JS}</script></html>\n`,
    ),
    file('templates-html/templates/evil.svg', SVG_SCRIPT),
    file(
      'templates-html/crds/crd.yaml',
      `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  versions:\n    - schema:\n        openAPIV3Schema:\n          description: "${IMG.replace(/"/g, '\\"')}"\n`,
    ),
    file('templates-html/crds/<svg onload=alert(1)>.yaml', 'kind: CustomResourceDefinition\n'),
  ]),
);

add(
  'svg-icon',
  'SVG files in the chart (script, onload, foreignObject iframe, xlink javascript:), a .png that is SVG text, icon: data:image/svg+xml with script, a README that embeds them by relative path',
  chart(
    'svg-icon',
    [
      file(
        'svg-icon/icon.svg',
        `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="${JS}">\n<script>${JS}</script>\n<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;parent.alert(1)&lt;/script&gt;"></iframe></foreignObject>\n<a xlink:href="javascript:${JS}"><text y="20">click</text></a>\n<image href="https://evil.example/x.png"/>\n</svg>\n`,
      ),
      file('svg-icon/icon.png', SVG_SCRIPT),
      file(
        'svg-icon/README.md',
        `# svg-icon\n\n![icon](icon.svg) <img src="icon.svg"> <object data="icon.svg"></object> <embed src="icon.png">\n\n${SVG_SCRIPT}\n`,
      ),
    ],
    { chart: chartYaml('svg-icon', `icon: "data:image/svg+xml;base64,${B64_SVG}"\n`) },
  ),
);

const straddleBytes = Buffer.concat([Buffer.from([0xff]), Buffer.from(`<script>${JS}</script>`)]);
add(
  'binary-tricks',
  'files the viewer must not render as HTML: HTML with an invalid UTF-8 byte (hex view shows "<script>"), a GIF/HTML polyglot, a UTF-16 README, a BOM-prefixed markdown file with payloads, a .tgz that is not gzip, a charts/ archive that is not a chart',
  chart('binary-tricks', [
    file('binary-tricks/page.html', straddleBytes),
    file(
      'binary-tricks/polyglot.gif',
      Buffer.concat([
        Buffer.from('GIF89a/*'),
        Buffer.from([0, 0, 0xff]),
        Buffer.from(`*/=1;<script>${JS}</script>`),
      ]),
    ),
    file(
      'binary-tricks/README.md',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`# utf16 <script>${JS}</script>`, 'utf16le'),
      ]),
    ),
    file(
      'binary-tricks/bom.md',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# bom\n\n${IMG}\n`)]),
    ),
    file(
      'binary-tricks/charts/fake-0.1.0.tgz',
      Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0]), Buffer.from(`<script>${JS}</script>`)]),
    ),
    file(
      'binary-tricks/charts/notachart-0.1.0.tgz',
      gz([file(`${IMG}`, `<script>${JS}</script>`)]),
    ),
  ]),
);

// A subchart holding a subchart; both hostile, opened with "Open as chart".
const inner = gz(
  chart(
    'deeper',
    [
      file('deeper/README.md', `# deeper\n\n<script>${JS}</script>${IMG}`),
      file(`deeper/${IMG}.yaml`, 'x: 1\n'),
    ],
    { chart: protoYaml.replace('chartyaml-proto', 'deeper') },
  ),
);
const middle = gz(
  chart(
    'evil',
    [
      file('evil/README.md', readmeHtml),
      file(`evil/"><svg onload=${JS}>.yaml`, 'x: 1\n'),
      file('evil/values.yaml', `x: "<script>${JS}</script>"\n`),
      file('evil/charts/deeper-0.1.0.tgz', inner),
      file('evil/../../escape.yaml', 'x: 1\n'),
    ],
    { chart: fieldsYaml.replace(/chartyaml-fields/g, 'evil') },
  ),
);
add(
  'nested-subchart',
  'a subchart (charts/evil-0.1.0.tgz) with hostile README, names, Chart.yaml fields and a ../ path, holding a further subchart with prototype keys; both opened as charts',
  chart('nested-subchart', [
    file('nested-subchart/charts/evil-0.1.0.tgz', middle),
    file('nested-subchart/README.md', '# nested-subchart\n\nOpen charts/evil-0.1.0.tgz.\n'),
  ]),
);

add(
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
);

add(
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
);

add(
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
  { status: 'unsigned' },
);

add(
  'many-warnings',
  '60 entries that each climb out with ../ and carry a payload name: more warnings than the page lists (50), every one clicked',
  chart('many-warnings', [
    ...Array.from({ length: 60 }, (_, i) =>
      file(`many-warnings/../${i}-<img src=x onerror=window.__pwned=${i + 1}>.yaml`, `n: ${i}\n`),
    ),
  ]),
);

// ---------------------------------------------------------------- write
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'hostile-'));
const home = join(work, 'gnupg');
mkdirSync(home, { mode: 0o700 });
const gpg = (args, input) =>
  execFileSync(
    'gpg',
    [
      '--homedir',
      home,
      '--batch',
      '--no-tty',
      '--quiet',
      '--pinentry-mode',
      'loopback',
      '--passphrase',
      '',
      ...args,
    ],
    { input, stdio: ['pipe', 'pipe', 'ignore'] },
  );
const manifest = [];
try {
  gpg(['--quick-gen-key', SIGNER, 'ed25519', 'sign', '0']);
  writeFileSync(join(OUT, KEY_FILE), gpg(['--armor', '--export', SIGNER]));
  for (const c of cases) {
    const archive = `${c.id}-${VERSION}.tgz`;
    const bytes = gz(c.entries);
    writeFileSync(join(OUT, archive), bytes);
    let prov = null;
    if (c.sign) {
      const meta = c.provMeta ?? c.entries.find((e) => e.path === `${c.id}/Chart.yaml`).data;
      const sum = createHash('sha256').update(bytes).digest('hex');
      const body = `${String(meta).replace(/\n+$/, '')}\n\n...\nfiles:\n  ${archive}: sha256:${sum}\n`;
      prov = `${archive}.prov`;
      writeFileSync(join(OUT, prov), gpg(['--digest-algo', 'SHA512', '--clearsign'], body));
    }
    manifest.push({
      id: c.id,
      archive,
      prov,
      key: c.sign ? KEY_FILE : null,
      status: c.status ?? (c.sign ? 'verified' : 'unsigned'),
      warnings: c.warnings ?? [],
      paths: c.entries.map(reportedPath).filter((p) => p !== null),
      attacks: c.attacks,
    });
  }
} finally {
  try {
    execFileSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent'], { stdio: 'ignore' });
  } catch {
    // no agent was started
  }
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');

const readme = [
  '# Hostile chart corpus',
  '',
  'Generated by `node scripts/make-hostile.mjs` (do not edit by hand); rendered by',
  '`e2e/hostile.spec.ts`, which opens every tab and file of each chart and checks that no',
  'payload ran (`window.__pwned`, `alert`), no dialog opened, no page error was thrown and no',
  'request left the page origin. Archives are reproducible; the signing key',
  `(\`${KEY_FILE}\`, user ID itself a payload) and the \`.prov\` files change on each run.`,
  '`manifest.json` holds each case’s expected verdict and tree paths.',
  '',
  '| archive | signed | attacks |',
  '| --- | --- | --- |',
  ...manifest.map(
    (m) =>
      `| \`${m.archive}\` | ${m.prov ? 'yes' : ''} | ${m.attacks.replace(/\|/g, '\\|').replace(/</g, '&lt;')} |`,
  ),
  '',
].join('\n');
writeFileSync(join(OUT, 'README.md'), readme);
const size = readdirSync(OUT).length;
console.log(`${manifest.length} hostile charts (${size} files) written to ${OUT}`);

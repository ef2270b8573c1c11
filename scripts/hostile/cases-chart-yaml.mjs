// cases-chart-yaml.mjs - hostile Chart.yaml: payload fields, annotations, prototype keys,
// wrong types and an alias bomb. Some are signed so the verdict card shows their fields.
import { B64_HTML, IMG, JS } from './payloads.mjs';
import { chart, chartYaml, file, hostileCase } from './chart.mjs';

export const fieldsYaml = chartYaml(
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

export const protoYaml = chartYaml(
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

export const chartYamlCases = [
  hostileCase(
    'chartyaml-fields',
    'signed; Chart.yaml fields with payloads: description, appVersion, home/icon javascript:, sources (javascript:/data:/quote breakout), keywords, kubeVersion, type, maintainers name/email/url, dependencies; the signer key user ID is a payload too',
    chart('chartyaml-fields', [file('chartyaml-fields/values.yaml', 'x: 1\n')], {
      chart: fieldsYaml,
    }),
    { sign: true },
  ),
  hostileCase(
    'chartyaml-annotations',
    'signed; annotations: artifacthub.io/signKey naming another fingerprint (signkey-mismatch) with a javascript: url, links/changes/images/license payloads, a payload as annotation key, non-string annotation values',
    chart('chartyaml-annotations', [], { chart: annYaml }),
    { sign: true, warnings: ['signkey-mismatch'] },
  ),
  hostileCase(
    'chartyaml-proto',
    'signed; prototype-pollution keys in Chart.yaml (__proto__, constructor.prototype, prototype, toString/valueOf/hasOwnProperty/toJSON) at the top, in keywords, sources, maintainers, annotations, dependencies; maps where strings belong',
    chart('chartyaml-proto', [], { chart: protoYaml }),
    { sign: true },
  ),
  hostileCase(
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
  ),
  hostileCase(
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
  ),
];

// cases-files.mjs - payloads in file and folder names, values.yaml and values.schema.json.
import { IMG, JS } from './payloads.mjs';
import { chart, file, hostileCase } from './chart.mjs';

const deepJson = '{"a":'.repeat(3000) + '"<script>alert(1)</script>"' + '}'.repeat(3000);

export const fileCases = [
  hostileCase(
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
  ),
  hostileCase(
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
  ),
  hostileCase(
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
  ),
];

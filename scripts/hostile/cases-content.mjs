// cases-content.mjs - file contents the viewer must not render as HTML: HTML-looking
// templates, SVG icons, binary polyglots, and nested subcharts reusing the other payloads.
import { B64_SVG, IMG, JS, SVG_SCRIPT } from './payloads.mjs';
import { chart, chartYaml, file, hostileCase } from './chart.mjs';
import { fieldsYaml, protoYaml } from './cases-chart-yaml.mjs';
import { readmeHtml } from './cases-markdown.mjs';
import { gz } from './tar-writer.mjs';

const htmlDoc = `<!DOCTYPE html>\n<html><head><meta http-equiv="refresh" content="0;url=javascript:${JS}"><script>${JS}</script><base href="https://evil.example/"></head>\n<body onload="${JS}">${IMG}<iframe srcdoc="<script>parent.alert(1)</script>"></iframe></body></html>\n`;

const straddleBytes = Buffer.concat([Buffer.from([0xff]), Buffer.from(`<script>${JS}</script>`)]);

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

export const contentCases = [
  hostileCase(
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
  ),
  hostileCase(
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
  ),
  hostileCase(
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
  ),
  hostileCase(
    'nested-subchart',
    'a subchart (charts/evil-0.1.0.tgz) with hostile README, names, Chart.yaml fields and a ../ path, holding a further subchart with prototype keys; both opened as charts',
    chart('nested-subchart', [
      file('nested-subchart/charts/evil-0.1.0.tgz', middle),
      file('nested-subchart/README.md', '# nested-subchart\n\nOpen charts/evil-0.1.0.tgz.\n'),
    ]),
  ),
];

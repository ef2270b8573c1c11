// cases-markdown.mjs - hostile READMEs: raw HTML, link schemes, mutation XSS, remote loads,
// a fake verdict card, deep nesting and a README past the 200 KiB preview.
import { B64_HTML, B64_SVG, IMG, JS } from './payloads.mjs';
import { chart, file, hostileCase } from './chart.mjs';

export const readmeHtml = [
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

const N = 5000;

const big = `<a href="javascript:${JS}">x</a><img src=x onerror="${JS}"> `;

const PREVIEW = 200 * 1024;

const straddle = '#'.repeat(PREVIEW - 10) + `<img src=x onerror="${JS}">`; // cut mid-tag by the 200 KiB preview

export const markdownCases = [
  hostileCase(
    'readme-html',
    'README.md raw HTML: script, onerror img, iframes (src/srcdoc), svg script/onload, style, meta refresh, form/formaction, object/embed, base, details ontoggle, media onerror, javascript:/data:/vbscript: links',
    chart('readme-html', [file('readme-html/README.md', readmeHtml)]),
  ),
  hostileCase(
    'readme-links',
    'README.md markdown links/images/autolinks/reference links with javascript:, data:, vbscript:, file:, protocol-relative URLs; title breakouts; payloads in code, tables, tasks',
    chart('readme-links', [file('readme-links/README.md', readmeLinks)]),
  ),
  hostileCase(
    'readme-mxss',
    'README.md mutation-XSS classics (noscript, math/mglyph/style, svg/p, form nesting, comments, CDATA), DOM clobbering ids/names; also readme.md / README.MD / docs/README.md variants',
    chart('readme-mxss', [
      file('readme-mxss/README.md', readmeMxss),
      file('readme-mxss/readme.md', `# lower\n\n${IMG}`),
      file('readme-mxss/README.MD', `# upper\n\n<script>${JS}</script>`),
      file('readme-mxss/docs/README.md', `# docs\n\n[x](javascript:${JS})`),
    ]),
  ),
  hostileCase(
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
  ),
  hostileCase(
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
  ),
  hostileCase(
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
  ),
  hostileCase(
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
  ),
];

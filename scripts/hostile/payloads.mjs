// payloads.mjs - the script payloads every hostile case reuses. Each tries to set
// window.__pwned or call alert(); the page under test must run none of them.

export const JS = 'window.__pwned=1;alert(1)';
export const B64_HTML = Buffer.from(`<script>${JS}</script>`).toString('base64');
export const SVG_SCRIPT = `<svg xmlns="http://www.w3.org/2000/svg" onload="${JS}"><script>${JS}</script></svg>`;
export const B64_SVG = Buffer.from(SVG_SCRIPT).toString('base64');
export const IMG = `<img src=x onerror="${JS}">`;

// Syntax highlighting for chart files with highlight.js (core + the few languages charts use).
import hljs from 'highlight.js/lib/core';
import yaml from 'highlight.js/lib/languages/yaml';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import plaintext from 'highlight.js/lib/languages/plaintext';

hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('json', json);
hljs.registerLanguage('markdown', markdown);
hljs.registerLanguage('plaintext', plaintext);

export function languageOf(path: string): string {
  const lower = path.toLowerCase();
  if (/\.(ya?ml|tpl)$/.test(lower) || lower.endsWith('.helmignore')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.md')) return 'markdown';
  return 'plaintext';
}

/** Highlighted HTML, one string per line (highlight.js escapes the text itself). */
export function highlightLines(text: string, language: string): string[] {
  const html = hljs.highlight(text, { language, ignoreIllegals: true }).value;
  // Re-open spans that cross line breaks so each line is well-formed on its own.
  const out: string[] = [];
  let open: string[] = [];
  for (const line of html.split('\n')) {
    const prefix = open.join('');
    for (const m of line.matchAll(/<span[^>]*>|<\/span>/g)) {
      if (m[0] === '</span>') open.pop();
      else open = [...open, m[0]];
    }
    out.push(prefix + line + '</span>'.repeat(open.length));
  }
  return out;
}

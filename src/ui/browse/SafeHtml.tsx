// The one place chart-derived HTML reaches the DOM: always through DOMPurify, with remote
// images turned into plain links (nothing is loaded from anywhere) and links opened safely.
// Allow-lists, not deny-lists: only the tags and attributes markdown and the highlighter
// produce, so a README cannot load media (video, audio, table backgrounds), fake the page's
// own hooks (data-testid, ids, ARIA roles) or borrow its styles (classes other than the
// highlighter's). Links lead to http(s) and mailto only: `#fingerprint=…` would pin a key
// of the chart's choosing. The inert document DOMPurify parses into still sees `on*` attributes, so
// Chromium logs a CSP report for them: nothing runs.
import DOMPurify from 'dompurify';
import { useMemo } from 'react';

// prettier-ignore
const TAGS = [
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col',
  'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre',
  'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];
const ATTRS = ['href', 'title', 'alt', 'align', 'colspan', 'rowspan', 'start', 'open', 'class'];
/** Classes highlight.js and marked emit; the page's own classes are not for charts to use. */
const CLASS = /^(?:hljs-[\w-]+|language-[\w.+#-]+)$/;
const WEB = /^https?:/i;

let hooked = false;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('target', '_blank');
      }
      const cls = node.getAttribute('class');
      if (cls !== null) {
        const kept = cls.split(/\s+/).filter((c) => CLASS.test(c));
        if (kept.length) node.setAttribute('class', kept.join(' '));
        else node.removeAttribute('class');
      }
    });
    DOMPurify.addHook('uponSanitizeElement', (node, data) => {
      if (data.tagName !== 'img' || !(node instanceof Element)) return;
      const src = node.getAttribute('src') ?? '';
      const link = node.ownerDocument.createElement('a');
      if (WEB.test(src.trim())) link.setAttribute('href', src);
      link.textContent = `[image: ${node.getAttribute('alt') || src}]`;
      node.replaceWith(link);
    });
    hooked = true;
  }
  return DOMPurify;
}

export function sanitize(html: string): string {
  return purifier().sanitize(html, {
    ALLOWED_TAGS: TAGS,
    ALLOWED_ATTR: ATTRS,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}

export function SafeHtml({ html, className }: { html: string; className?: string }) {
  // Memoized: a file of thousands of lines re-renders with every tab switch.
  const clean = useMemo(() => sanitize(html), [html]);
  // eslint-disable-next-line no-restricted-syntax -- sanitized right here by DOMPurify
  return <div className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
}

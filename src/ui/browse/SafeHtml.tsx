// The one place chart-derived HTML reaches the DOM: always through DOMPurify, with remote
// images turned into plain links (nothing is loaded from anywhere) and links opened safely.
import DOMPurify from 'dompurify';

let hooked = false;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('target', '_blank');
      }
    });
    DOMPurify.addHook('uponSanitizeElement', (node, data) => {
      if (data.tagName !== 'img' || !(node instanceof Element)) return;
      const src = node.getAttribute('src') ?? '';
      const link = node.ownerDocument.createElement('a');
      link.setAttribute('href', src);
      link.textContent = `[image: ${node.getAttribute('alt') || src}]`;
      node.replaceWith(link);
    });
    hooked = true;
  }
  return DOMPurify;
}

export function sanitize(html: string): string {
  return purifier().sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style', 'srcset'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  });
}

export function SafeHtml({ html, className }: { html: string; className?: string }) {
  // eslint-disable-next-line no-restricted-syntax -- sanitized right here by DOMPurify
  return <div className={className} dangerouslySetInnerHTML={{ __html: sanitize(html) }} />;
}

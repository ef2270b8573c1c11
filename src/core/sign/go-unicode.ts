// Go's idea of white space and printable characters (unicode.IsSpace, unicode.IsPrint), which
// differs from JavaScript's \s: U+0085 is space in Go, U+FEFF is not.

const SPACE =
  '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const EDGE_SPACE = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'g');
const ONE_SPACE = new RegExp(`[${SPACE}]`, 'u');
const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/** strings.TrimSpace */
export function trimSpace(s: string): string {
  return s.replace(EDGE_SPACE, '');
}

/**
 * Helm's sanitizeString (chart/v2/metadata.go): every space becomes " ", every other
 * character that is not printable is dropped. Helm applies it before saving Chart.yaml.
 */
export function sanitizeString(s: string): string {
  let out = '';
  for (const c of s) {
    if (ONE_SPACE.test(c)) out += ' ';
    else if (PRINTABLE.test(c)) out += c;
  }
  return out;
}

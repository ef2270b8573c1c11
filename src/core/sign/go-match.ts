// Go's path/filepath.Match on Unix (Go 1.25, what Helm 4.1 is built with): `*` and `?` never
// match "/", `[...]` classes with ranges and ^, `\` escapes. A malformed pattern is an error
// even when the name fails to match first (newer Go checks the rest of the pattern), which is
// how `helm package` rejects a bad .helmignore line: "syntax error in pattern".

export class BadPattern extends Error {
  override readonly name = 'BadPattern';
  constructor() {
    super('syntax error in pattern');
  }
}

type Chars = string[];

export function goMatch(pattern: string, name: string): boolean {
  let pat: Chars = [...pattern];
  let rest: Chars = [...name];
  outer: while (pat.length > 0) {
    const { star, chunk, after } = scanChunk(pat);
    pat = after;
    if (star && chunk.length === 0) return !rest.includes('/');
    const here = matchChunk(chunk, rest);
    if (here !== null && (here.length === 0 || pat.length > 0)) {
      rest = here;
      continue;
    }
    if (star) {
      for (let i = 0; i < rest.length && rest[i] !== '/'; i++) {
        const t = matchChunk(chunk, rest.slice(i + 1));
        if (t !== null) {
          if (pat.length === 0 && t.length > 0) continue;
          rest = t;
          continue outer;
        }
      }
    }
    // No match: the rest of the pattern must still be well formed.
    while (pat.length > 0) {
      const next = scanChunk(pat);
      pat = next.after;
      matchChunk(next.chunk, []);
    }
    return false;
  }
  return rest.length === 0;
}

function scanChunk(pattern: Chars): { star: boolean; chunk: Chars; after: Chars } {
  let start = 0;
  while (pattern[start] === '*') start++;
  let inRange = false;
  let i = start;
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (i + 1 < pattern.length) i++;
    } else if (c === '[') inRange = true;
    else if (c === ']') inRange = false;
    else if (c === '*' && !inRange) break;
  }
  return { star: start > 0, chunk: pattern.slice(start, i), after: pattern.slice(i) };
}

/** The rest of `s` after `chunk` matched its beginning, or null; throws on a bad chunk. */
function matchChunk(chunk: Chars, s: Chars): Chars | null {
  let failed = false;
  let k = 0;
  let at = 0;
  while (k < chunk.length) {
    if (!failed && at >= s.length) failed = true;
    const c = chunk[k]!;
    if (c === '[') {
      const r = failed ? '' : s[at++]!;
      k++;
      const negated = chunk[k] === '^';
      if (negated) k++;
      let match = false;
      let ranges = 0;
      for (;;) {
        if (chunk[k] === ']' && ranges > 0) {
          k++;
          break;
        }
        const lo = classChar(chunk, k);
        k = lo.next;
        let hi = lo.char;
        if (chunk[k] === '-') {
          const h = classChar(chunk, k + 1);
          hi = h.char;
          k = h.next;
        }
        const cp = r.codePointAt(0) ?? -1;
        if (lo.char.codePointAt(0)! <= cp && cp <= hi.codePointAt(0)!) match = true;
        ranges++;
      }
      if (match === negated) failed = true;
    } else if (c === '?') {
      if (!failed) {
        if (s[at] === '/') failed = true;
        at++;
      }
      k++;
    } else {
      if (c === '\\') {
        k++;
        if (k >= chunk.length) throw new BadPattern();
      }
      if (!failed) {
        if (chunk[k] !== s[at]) failed = true;
        at++;
      }
      k++;
    }
  }
  return failed ? null : s.slice(at);
}

/** getEsc: one (possibly escaped) character of a class; something must follow it. */
function classChar(chunk: Chars, k: number): { char: string; next: number } {
  let i = k;
  if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']') throw new BadPattern();
  if (chunk[i] === '\\') {
    i++;
    if (i >= chunk.length) throw new BadPattern();
  }
  const char = chunk[i]!;
  if (i + 1 >= chunk.length) throw new BadPattern();
  return { char, next: i + 1 };
}

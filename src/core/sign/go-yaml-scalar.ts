// How yaml.v2 writes one scalar: what the text allows (yaml_emitter_analyze_scalar), the style
// it ends up in (select_scalar_style: plain, 'single', "double" or | literal) and the writers,
// with libyaml's folding of long lines at 80 columns. A port of go-yaml v2 emitterc.go for
// block context (the signer never writes flow collections with content).

import { BEST_INDENT, BEST_WIDTH, type YamlOutput } from './go-yaml-output';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

interface Analysis {
  multiline: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

const isBreak = (c: string | undefined) =>
  c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
/** libyaml's printable set: LF, 0x20-0x7E, U+00A0-U+D7FF, U+E000-U+FFFD but the BOM. */
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  if (cp === 0x0a || (cp >= 0x20 && cp <= 0x7e)) return true;
  if (cp >= 0xa0 && cp <= 0xd7ff) return true;
  return cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff;
}

function analyze(chars: string[]): Analysis {
  if (chars.length === 0)
    return { multiline: false, blockPlain: true, singleQuoted: true, block: false };
  const text = chars.join('');
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (const [i, c] of chars.entries()) {
    const last = i === chars.length - 1;
    const followedByWhitespace = last || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace)
        blockIndicators = true;
    } else if (c === ':' && followedByWhitespace) blockIndicators = true;
    else if (c === '#' && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c);
  }
  const a: Analysis = { multiline: lineBreaks, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || special) a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks || blockIndicators) a.blockPlain = false;
  return a;
}

/** The style libyaml ends up with for the requested one (block context, flow level 0). */
function selectStyle(requested: ScalarStyle, a: Analysis, empty: boolean, simpleKey: boolean) {
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlain || (empty && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuoted) style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  return style;
}

/** What the scalar looks like to yaml_emitter_check_simple_key: one line of at most 128 bytes. */
export function fitsSimpleKey(text: string): boolean {
  return !analyze([...text]).multiline && new TextEncoder().encode(text).length <= 128;
}

/** Writes a scalar in the style yaml.v2 picks for `requested` in the current context. */
export function writeScalar(out: YamlOutput, text: string, requested: ScalarStyle): void {
  const chars = [...text];
  const style = selectStyle(requested, analyze(chars), chars.length === 0, out.simpleKeyContext);
  out.increaseIndent(true, false);
  const allowBreaks = !out.simpleKeyContext;
  if (style === 'plain') writePlain(out, chars, allowBreaks);
  else if (style === 'single') writeSingle(out, chars, allowBreaks);
  else if (style === 'double') writeDouble(out, chars, allowBreaks);
  else writeLiteral(out, chars);
  out.restoreIndent();
}

/** The folding the plain and single-quoted writers share: breaks inside the value. */
function writeValueBreak(out: YamlOutput, c: string, breaks: boolean): void {
  if (!breaks && c === '\n') out.putBreak();
  out.writeBreak(c);
  out.indention = true;
}

function writePlain(out: YamlOutput, chars: string[], allowBreaks: boolean): void {
  if (!out.whitespace) out.put(' ');
  let spaces = false;
  let breaks = false;
  for (const [i, c] of chars.entries()) {
    if (c === ' ') {
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && chars[i + 1] !== ' ')
        out.writeIndent();
      else out.write(c);
      spaces = true;
    } else if (isBreak(c)) {
      writeValueBreak(out, c, breaks);
      breaks = true;
    } else {
      if (breaks) out.writeIndent();
      out.write(c);
      out.indention = false;
      spaces = breaks = false;
    }
  }
  out.whitespace = false;
  out.indention = false;
}

function writeSingle(out: YamlOutput, chars: string[], allowBreaks: boolean): void {
  out.writeIndicator("'", true, false, false);
  let spaces = false;
  let breaks = false;
  for (const [i, c] of chars.entries()) {
    if (c === ' ') {
      const inside = i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ';
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && inside) out.writeIndent();
      else out.write(c);
      spaces = true;
    } else if (isBreak(c)) {
      writeValueBreak(out, c, breaks);
      breaks = true;
    } else {
      if (breaks) out.writeIndent();
      if (c === "'") out.put("'");
      out.write(c);
      out.indention = false;
      spaces = breaks = false;
    }
  }
  out.writeIndicator("'", false, false, false);
  out.whitespace = false;
  out.indention = false;
}

const NAMED_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

function escape(c: string): string {
  const cp = c.codePointAt(0)!;
  const named = NAMED_ESCAPES[cp];
  if (named !== undefined) return `\\${named}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function writeDouble(out: YamlOutput, chars: string[], allowBreaks: boolean): void {
  out.writeIndicator('"', true, false, false);
  // libyaml's is_bom() looks at the value's first bytes, not the current one: a value that
  // starts with a BOM has every character escaped.
  const bom = chars[0] === '\ufeff';
  let spaces = false;
  for (const [i, c] of chars.entries()) {
    if (bom || !isPrintable(c) || isBreak(c) || c === '"' || c === '\\') {
      for (const e of escape(c)) out.put(e);
      spaces = false;
    } else if (c === ' ') {
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
        out.writeIndent();
        if (chars[i + 1] === ' ') out.put('\\');
      } else {
        out.write(c);
      }
      spaces = true;
    } else {
      out.write(c);
      spaces = false;
    }
  }
  out.writeIndicator('"', false, false, false);
  out.whitespace = false;
  out.indention = false;
}

/** The | header: an indentation hint for a leading space or break, then the chomping. */
function blockHints(chars: string[]): string {
  let hints = chars[0] === ' ' || isBreak(chars[0]) ? String(BEST_INDENT) : '';
  const last = chars.length - 1;
  if (chars.length === 0 || !isBreak(chars[last])) hints += '-';
  else if (last === 0 || isBreak(chars[last - 1])) hints += '+';
  return hints;
}

function writeLiteral(out: YamlOutput, chars: string[]): void {
  out.writeIndicator('|', true, false, false);
  const hints = blockHints(chars);
  if (hints) out.writeIndicator(hints, false, false, false);
  out.putBreak();
  out.indention = true;
  out.whitespace = true;
  let breaks = true;
  for (const c of chars) {
    if (isBreak(c)) {
      out.writeBreak(c);
      out.indention = true;
      breaks = true;
    } else {
      if (breaks) out.writeIndent();
      out.write(c);
      out.indention = false;
      breaks = false;
    }
  }
}

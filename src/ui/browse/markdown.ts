// Markdown to HTML for the viewer, refusing what would crash or freeze the tab: marked
// recurses once per level of list or quote nesting (a few KiB of `- - - …` throw "Maximum
// call stack size exceeded") and its time grows with nesting and size (200 KiB of lists
// indented 64 levels deep take ~4 s, 5 MB ~45 s; 2 MB of ever deeper quotes exhaust memory).
// Real READMEs nest 10 levels at most. The HTML still goes through SafeHtml; a refused file
// is shown as source instead.
import { marked } from 'marked';

/** Three times what real READMEs nest (200 KiB nested this deep render in about a second). */
export const MAX_NESTING = 32;
/** Larger markdown (reachable with "Show all") is shown as source. */
export const MAX_RENDERED = 1024 * 1024;

export type Rendered = { html: string } | { refused: string };

const isBlank = (c: number) => c === 32 || c === 9 || Number.isNaN(c);
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * An upper bound of how deeply lines nest: per line, its `>` markers, its list markers
 * (`-`, `*`, `+`, `1.`, `1)`) and half its indentation, before the first other character.
 */
export function nestingDepth(md: string): number {
  let max = 0;
  for (let at = 0; at <= md.length;) {
    let end = md.indexOf('\n', at);
    if (end < 0) end = md.length;
    let depth = 0;
    let columns = 0;
    for (let i = at; i < end; i++) {
      const c = md.charCodeAt(i);
      if (c === 32) columns++;
      else if (c === 9) columns += 4;
      else if (c === 62) depth++;
      else if ((c === 45 || c === 42 || c === 43) && isBlank(md.charCodeAt(i + 1))) depth++;
      else if (isDigit(c)) {
        let j = i;
        while (j < end && j - i < 9 && isDigit(md.charCodeAt(j))) j++;
        const mark = md.charCodeAt(j);
        if ((mark !== 46 && mark !== 41) || !isBlank(md.charCodeAt(j + 1))) break;
        depth++;
        i = j;
      } else break;
    }
    max = Math.max(max, depth + (columns >> 1));
    at = end + 1;
  }
  return max;
}

export function renderMarkdown(md: string): Rendered {
  if (md.length > MAX_RENDERED) {
    return { refused: `it is over ${MAX_RENDERED / 1024 / 1024} MiB` };
  }
  const depth = nestingDepth(md);
  if (depth > MAX_NESTING) {
    return {
      refused: `its lists or quotes nest up to ${depth} levels deep (more than ${MAX_NESTING} could freeze the page)`,
    };
  }
  try {
    return { html: marked.parse(md, { async: false, gfm: true }) };
  } catch (e) {
    return { refused: `the markdown renderer failed (${(e as Error).message})` };
  }
}

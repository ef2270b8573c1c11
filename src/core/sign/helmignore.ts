// .helmignore as Helm reads it (pkg/ignore/rules.go): one glob per line, # comments, a
// leading ! negates, a trailing / applies to folders only, a leading / anchors at the chart's
// root, a pattern without / matches the base name anywhere; "**" is refused. Rules are tried
// in order and the first that decides wins. `templates/.?*` is always added: dotfiles directly
// in templates/ are never packaged.

import { BadPattern, goMatch } from './go-match';
import { trimSpace } from './go-unicode';

interface Rule {
  negate: boolean;
  mustDir: boolean;
  /** How the path is matched: whole path (anchored or with a /) or only its base name. */
  whole: boolean;
  glob: string;
}

export class HelmIgnoreError extends Error {
  override readonly name = 'HelmIgnoreError';
}

export class HelmIgnore {
  private constructor(private readonly rules: Rule[]) {}

  /** Parses a .helmignore's text (null: no file) and adds Helm's default rule. */
  static parse(text: string | null): HelmIgnore {
    const rules: Rule[] = [];
    // bufio.Scanner's lines: split on \n, a trailing \r dropped; the first line loses a BOM.
    const lines = text === null ? [] : text.replace(/^\ufeff/, '').split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    for (const line of [...lines.map((l) => l.replace(/\r$/, '')), 'templates/.?*']) {
      const rule = parseRule(line);
      if (rule) rules.push(rule);
    }
    return new HelmIgnore(rules);
  }

  /** Rules.Ignore: whether the entry at `path` (relative, "/"-separated) is left out. */
  ignores(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    for (const r of this.rules) {
      const target = r.whole ? path : baseName(path);
      if (r.negate) {
        // Helm's quirk, kept: a negated folder rule ignores every file.
        if (r.mustDir && !isDir) return true;
        if (!goMatch(r.glob, target)) return true;
        continue;
      }
      if (r.mustDir && !isDir) continue;
      if (goMatch(r.glob, target)) return true;
    }
    return false;
  }
}

function parseRule(raw: string): Rule | null {
  let rule = trimSpace(raw);
  if (rule === '' || rule.startsWith('#')) return null;
  if (rule.includes('**')) throw new HelmIgnoreError('double-star (**) syntax is not supported');
  try {
    goMatch(rule, 'abc'); // Helm's own syntax check
  } catch (e) {
    if (e instanceof BadPattern) throw new HelmIgnoreError(e.message);
    throw e;
  }
  const negate = rule.startsWith('!');
  if (negate) rule = rule.slice(1);
  const mustDir = rule.endsWith('/');
  if (mustDir) rule = rule.slice(0, -1);
  if (rule.startsWith('/')) return { negate, mustDir, whole: true, glob: rule.slice(1) };
  return { negate, mustDir, whole: rule.includes('/'), glob: rule };
}

/** filepath.Base for a relative path without trailing slashes. */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

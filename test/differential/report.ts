// Compares each outcome three ways (gpg vs the expectation, the core vs the expectation, the
// core vs real Helm) and writes the compact tables the core engineer works through.
import { GPG_TABLE, gpgDisagreement, tableRow } from './expect';
import type { Outcome } from './run';
import type { Expect } from './model';

export interface Row {
  id: string;
  field: string;
  expected: string;
  got: string;
}

const show = (v: unknown) => (v === undefined ? '<absent>' : JSON.stringify(v));
const cut = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const verdictText = (e: Expect) =>
  `${e.status}${e.reason ? `/${e.reason}` : ''}${e.warnings.length ? ` +${e.warnings.join(',')}` : ''}`;

/** gpg against the expectation; explained differences (gpgDiffers) are returned apart. */
export function gpgRows(outcomes: Outcome[]) {
  const unexplained: Row[] = [];
  const explained: Row[] = [];
  for (const o of outcomes) {
    const d = gpgDisagreement(o.c.expect, o.gpg);
    const row = {
      id: o.c.id,
      field: 'gpg',
      expected: GPG_TABLE[tableRow(o.c.expect)]?.gpg ?? '?',
      got: `${o.gpg.word} (${o.gpg.all.join(' ') || 'no signature'})`,
    };
    if (d && o.c.gpgDiffers) explained.push({ ...row, got: `${row.got}: ${o.c.gpgDiffers}` });
    else if (d) unexplained.push({ ...row, got: `${row.got}: ${d}` });
    else if (o.c.gpgDiffers)
      unexplained.push({ ...row, got: `${row.got}: gpgDiffers but gpg agrees` });
  }
  return { unexplained, explained };
}

/** The core's status, reason, warnings and signer against the expectation. */
export function coreRows(outcomes: Outcome[]): Row[] {
  const rows: Row[] = [];
  for (const { c, core } of outcomes) {
    const e = c.expect;
    const pairs: [string, unknown, unknown][] = [
      ['status', e.status, core.status],
      ['reason', e.reason, core.reason],
      ['warnings', [...e.warnings].sort(), core.warnings],
      ['signer', e.signer, core.signer],
    ];
    for (const [field, want, got] of pairs) {
      if (show(want) !== show(got))
        rows.push({ id: c.id, field, expected: show(want), got: show(got) });
    }
  }
  return rows;
}

/** The core's helm.v4 / v3 / install / keyring against what the binaries answered. */
export function helmRows(outcomes: Outcome[]): Row[] {
  const rows: Row[] = [];
  for (const { c, core, helm } of outcomes) {
    if (!helm) continue;
    const h = core.helm;
    const pairs: [string, unknown, unknown][] = [
      ['helm.v4.answer', helm.helm, h.v4?.answer],
      ['helm.v4.why', helm.helm_why, h.v4?.why],
      ['helm.v3.answer', helm.helm3, h.v3?.answer],
      ['helm.v3.why', helm.helm3_why, h.v3?.why],
      ['helm.install.answer', helm.helm_install, h.install?.answer],
      ['helm.install.why', helm.helm_install_why, h.install?.why],
      ['helm.keyring', helm.helm_keyring, h.keyring],
    ];
    for (const [field, want, got] of pairs) {
      if (show(want) !== show(got))
        rows.push({ id: c.id, field, expected: show(want), got: show(got) });
    }
  }
  return rows;
}

function table(title: string, rows: Row[], head = ['case', 'field', 'expected', 'got']): string {
  if (rows.length === 0) return `${title}: none\n`;
  const cells = rows.map((r) => [r.id, r.field, cut(r.expected), cut(r.got)]);
  const w = head.map((h, i) => Math.min(48, Math.max(h.length, ...cells.map((c) => c[i]!.length))));
  const line = (c: string[]) => c.map((x, i) => (i < 3 ? x.padEnd(w[i]!) : x)).join(' | ');
  return [`${title} (${rows.length}):`, line(head), ...cells.map(line), ''].join('\n');
}

/** Every case: class, expectation, what gpg and Helm said. */
function caseList(outcomes: Outcome[]): string {
  const lines = outcomes.map((o) => {
    const e = o.c.expect;
    const signer = e.signer ? ` signer ${e.signer.slice(-16)}` : '';
    const helm = o.helm
      ? ` | helm4 ${o.helm.helm ?? '-'} helm3 ${o.helm.helm3 ?? '-'} install ${o.helm.helm_install ?? '-'} keyring ${o.helm.helm_keyring ?? '-'}`
      : '';
    return `${o.c.id.padEnd(38)} ${o.c.class.padEnd(20)} ${`${verdictText(e)}${signer}`.padEnd(64)} | gpg ${o.gpg.all.join(' ') || 'NODATA'}${helm}`;
  });
  return [`Cases (${outcomes.length}): id, class, expected verdict, gpg, Helm`, ...lines, ''].join(
    '\n',
  );
}

/** Helm's messages, per case (for reading the why fields without the table's cut). */
function helmMessages(outcomes: Outcome[]): string {
  const lines = outcomes
    .filter((o) => o.helm && (o.helm.helm_why || o.helm.helm3_why || o.helm.helm_install_why))
    .map(
      (o) =>
        `${o.c.id}: helm4 ${show(o.helm!.helm_why)}; helm3 ${show(o.helm!.helm3_why)}; install ${show(o.helm!.helm_install_why)}`,
    );
  return ['Helm messages:', ...lines, ''].join('\n');
}

export function report(outcomes: Outcome[]) {
  const gpg = gpgRows(outcomes);
  const core = coreRows(outcomes);
  const helm = helmRows(outcomes);
  const text = [
    caseList(outcomes),
    table('gpg vs expected, unexplained', gpg.unexplained),
    table('gpg vs expected, explained (gpgDiffers)', gpg.explained),
    table('core vs expected', core),
    table('core vs real Helm', helm),
    helmMessages(outcomes),
  ].join('\n');
  return { text, gpg, core, helm };
}

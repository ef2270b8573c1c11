// The rows of the results table for a batch of charts: one per card, filterable by status and
// sortable by column. Pure, so it is tested without a browser.
import type { Card } from '../../state/store';
import type { Status, Verdict } from '../../core/verdict/types';
import { NaturalRanks } from './natural-rank';

export type Column = 'chart' | 'status' | 'signer' | 'helm' | 'index';
export type Filter = Status | 'pending' | 'all';

export interface Row {
  id: string;
  chart: string;
  archive: string;
  status: Status | 'pending';
  reason: string;
  /** What the signer column sorts by: the user ID, then the fingerprint. */
  signer: string;
  signerName: string | null;
  /** The primary key that made a valid signature (verdict.signer), or null. */
  signerFingerprint: string | null;
  keyTrust: Verdict['keyTrust'];
  /** Unsigned while other charts given are signed (the unsigned-in-signed-set warning). */
  unsignedAmongSigned: boolean;
  helm: string;
  index: string;
}

// Worst first, so sorting by status puts what needs attention at the top.
const STATUS_ORDER: Record<Row['status'], number> = {
  failed: 0,
  error: 1,
  'no-key': 2,
  unsigned: 3,
  pending: 4,
  verified: 5,
};

/** Helm 4's and Helm 3's `helm verify`, compactly: a reviewer sees where they differ. */
function helmCell(v: Verdict): string {
  const { v4, v3 } = v.helm;
  if (v4.answer === null && v3.answer === null) return '';
  return `4: ${v4.answer ?? '—'} · 3: ${v3.answer ?? '—'}`;
}

/** Rows by card: a card's entry in the store is replaced when it changes, never mutated. */
const rowCache = new WeakMap<Card, Row>();

/** The card's row, the same object as long as the card is (so memoised rows skip rendering). */
export function rowOf(card: Card): Row {
  let row = rowCache.get(card);
  if (!row) rowCache.set(card, (row = makeRow(card)));
  return row;
}

function makeRow(card: Card): Row {
  const v = card.verdict;
  return {
    id: card.id,
    chart: v?.chart ?? v?.claimedChart ?? card.archive ?? card.prov ?? '',
    archive: card.archive ?? card.prov ?? '',
    status: v?.status ?? 'pending',
    reason: v?.reason ?? '',
    signer: [v?.signer?.userId, v?.signer?.fingerprint].filter(Boolean).join(' '),
    signerName: v?.signer?.userId ?? null,
    signerFingerprint: v?.signer?.fingerprint ?? null,
    keyTrust: v?.keyTrust ?? null,
    unsignedAmongSigned: v?.warnings.includes('unsigned-in-signed-set') ?? false,
    helm: v ? helmCell(v) : '',
    index: card.index?.state ?? '',
  };
}

export function countByStatus(rows: Row[]): Map<Row['status'], number> {
  const counts = new Map<Row['status'], number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return counts;
}

/** Each text column's natural-order ranks, kept across updates (natural-rank.ts). */
const ranks = new Map<Column, NaturalRanks>();
const ranksOf = (column: Column, values: string[]) => {
  let r = ranks.get(column);
  if (!r) ranks.set(column, (r = new NaturalRanks()));
  return r.of(values);
};

export function visibleRows(
  rows: Row[],
  filter: Filter,
  sort: { column: Column; descending: boolean },
): Row[] {
  const kept = filter === 'all' ? rows : rows.filter((r) => r.status === filter);
  const names = ranksOf(
    'chart',
    kept.map((r) => r.chart),
  );
  const column = sort.column;
  const texts =
    column === 'status'
      ? null
      : column === 'chart'
        ? names
        : ranksOf(
            column,
            kept.map((r) => r[column]),
          );
  // Each row's two keys are looked up once, not in every comparison (5,000 rows: ~60,000).
  const sign = sort.descending ? -1 : 1;
  const first = new Float64Array(kept.length);
  const second = new Float64Array(kept.length);
  kept.forEach((r, i) => {
    first[i] = sign * (texts ? texts.get(r[column as TextColumn])! : STATUS_ORDER[r.status]);
    second[i] = names.get(r.chart)!;
  });
  const order = Array.from(kept, (_, i) => i).sort(
    (a, b) => first[a]! - first[b]! || second[a]! - second[b]!,
  );
  return order.map((i) => kept[i]!);
}

type TextColumn = Exclude<Column, 'status'>;

/** A table of results is shown for two or more cards, or for a repository index.yaml. */
export function isBatch(cards: number, hasIndex: boolean): boolean {
  return cards >= 2 || hasIndex;
}

/** A filter whose status no row has any more (after a new drop) shows everything. */
export function effectiveFilter(rows: Row[], filter: Filter): Filter {
  return filter === 'all' || rows.some((r) => r.status === filter) ? filter : 'all';
}

export interface SignerKey {
  fingerprint: string;
  name: string | null;
  charts: number;
}

export interface Signers {
  /** Every distinct signing key among the rows, most charts first. */
  keys: SignerKey[];
  /** The key that signed more charts than any other, if one did. */
  majority: string | null;
  /** Rows with a signer. */
  signed: number;
}

export function signersOf(rows: Row[]): Signers {
  const byKey = new Map<string, SignerKey>();
  for (const r of rows) {
    if (!r.signerFingerprint) continue;
    const k = byKey.get(r.signerFingerprint);
    if (k) k.charts++;
    else
      byKey.set(r.signerFingerprint, {
        fingerprint: r.signerFingerprint,
        name: r.signerName,
        charts: 1,
      });
  }
  const keys = [...byKey.values()].sort(
    (a, b) => b.charts - a.charts || a.fingerprint.localeCompare(b.fingerprint),
  );
  const [first, second] = keys;
  const majority = first && (!second || first.charts > second.charts) ? first.fingerprint : null;
  return { keys, majority, signed: keys.reduce((n, k) => n + k.charts, 0) };
}

/** A row signed by another key than most charts are (the one to look at twice). */
export function oddSigner(row: Row, signers: Signers): boolean {
  return Boolean(
    row.signerFingerprint && signers.majority && row.signerFingerprint !== signers.majority,
  );
}

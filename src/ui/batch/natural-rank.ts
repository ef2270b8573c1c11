// Each text's rank in natural order ('chart-9' before 'chart-10'), kept from one update of the
// batch table to the next: a repository's rows are sorted again as its answers come, and a
// collator call per comparison of every row was most of that; so was, at 5,000 charts,
// sorting all 10,000 values seen again, or renumbering them, on each update. Pure, tested
// with the table's order (test/batch-order.test.ts).

// One collator for every comparison: localeCompare with options builds one per call, which
// made sorting 2,000 rows take 60 ms instead of 3.
export const byText = new Intl.Collator(undefined, { numeric: true }).compare;

/** Past this many values a column starts again from the values asked about. */
const KEPT = 20_000;
/** The space between neighbours' ranks when they are numbered afresh. */
const GAP = 1024;

/**
 * One column's values seen so far, in natural order, and each one's rank: a number that
 * orders the values as the collator does (equal values share it). Ranks leave room between
 * neighbours, so a new value gets one between theirs and no other value's rank changes: an
 * update with k new values costs k binary searches, not a renumbering of all n.
 */
export class NaturalRanks {
  private sorted: string[] = [];
  private rank = new Map<string, number>();

  of(values: string[]): ReadonlyMap<string, number> {
    const fresh = [...new Set(values.filter((v) => !this.rank.has(v)))];
    if (fresh.length === 0) return this.rank;
    if (this.sorted.length + fresh.length > KEPT) {
      this.sorted = [];
      this.rank.clear();
      return this.of(values);
    }
    if (fresh.length > this.sorted.length) this.renumber([...this.sorted, ...fresh].sort(byText));
    else for (const v of fresh) this.place(v);
    return this.rank;
  }

  /** Inserts `v` after any value equal to it; equal to its predecessor, it shares its rank. */
  private place(v: string): void {
    const { sorted, rank } = this;
    const at = placeOf(sorted, v);
    const prev = at > 0 ? sorted[at - 1]! : undefined;
    const next = at < sorted.length ? sorted[at]! : undefined;
    sorted.splice(at, 0, v);
    if (prev !== undefined && byText(prev, v) === 0) {
      rank.set(v, rank.get(prev)!);
      return;
    }
    // (next is greater than v: placeOf passes every value equal to it)
    const lo = prev === undefined ? rank.get(next!)! - 2 * GAP : rank.get(prev)!;
    const hi = next === undefined ? lo + 2 * GAP : rank.get(next)!;
    const mid = (lo + hi) / 2;
    if (mid > lo && mid < hi) rank.set(v, mid);
    else this.renumber(sorted); // no room left between them (after ~50 halvings)
  }

  private renumber(sorted: string[]): void {
    this.sorted = sorted;
    const rank = this.rank;
    rank.clear();
    let r = 0;
    sorted.forEach((v, i) => {
      if (i > 0 && byText(sorted[i - 1]!, v) !== 0) r += GAP;
      rank.set(v, r);
    });
  }
}

/** Where `v` goes in `sorted` (after any equal to it). */
function placeOf(sorted: string[], v: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byText(sorted[mid]!, v) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

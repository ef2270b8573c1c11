// Each text's rank in natural order ('chart-9' before 'chart-10'), kept from one update of the
// batch table to the next: a repository's rows are sorted again with every frame's answers,
// and a collator call per comparison of every row was most of that (a full collator sort of
// 10,000 values took ~20 ms of each frame at 5,000 charts). Pure, tested with the table's order.

// One collator for every comparison: localeCompare with options builds one per call, which
// made sorting 2,000 rows take 60 ms instead of 3.
export const byText = new Intl.Collator(undefined, { numeric: true }).compare;

/** Past this many values a column starts again from the values asked about. */
const KEPT = 20_000;
/** Up to this many new values are placed one by one (binary search); more are merged. */
const PLACED_ONE_BY_ONE = 64;

/** One column's values seen so far, in natural order, and each one's rank among them. */
export class NaturalRanks {
  private sorted: string[] = [];
  /** Whether sorted[i] is equal to sorted[i - 1] for the collator ('v01', 'v1'). */
  private tied: boolean[] = [];
  private rank = new Map<string, number>();

  /**
   * Each value's place in natural order. Values already seen keep theirs relative to each
   * other; new ones are placed by binary search (a few) or sorted among themselves and merged
   * in (many: a merge is one collator call per value, a sort of all of them ~log n).
   */
  of(values: string[]): ReadonlyMap<string, number> {
    const fresh = [...new Set(values.filter((v) => !this.rank.has(v)))];
    if (fresh.length === 0) return this.rank;
    if (this.sorted.length > 0 && this.sorted.length + fresh.length > KEPT) {
      this.sorted = [];
      this.tied = [];
      this.rank.clear();
      return this.of(values);
    }
    if (fresh.length <= PLACED_ONE_BY_ONE) for (const v of fresh) this.place(v);
    else this.merge(fresh.sort(byText));
    const { sorted, tied, rank } = this;
    rank.clear();
    // Values the collator finds equal share a rank, so the next key decides.
    for (let i = 0; i < sorted.length; i++)
      rank.set(sorted[i]!, tied[i] ? rank.get(sorted[i - 1]!)! : i);
    return rank;
  }

  private place(v: string): void {
    const { sorted, tied } = this;
    const at = placeOf(sorted, v);
    sorted.splice(at, 0, v);
    tied.splice(at, 0, at > 0 && byText(sorted[at - 1]!, v) === 0);
    if (at + 1 < sorted.length) tied[at + 1] = byText(v, sorted[at + 1]!) === 0;
  }

  /** Merges `fresh` (sorted, none seen before) in; equal values keep the older first. */
  private merge(fresh: string[]): void {
    const old = this.sorted;
    const oldTied = this.tied;
    const sorted: string[] = [];
    const tied: boolean[] = [];
    let i = 0;
    let j = 0;
    // Whether the value just taken was fresh: a tie with it must be asked of the collator;
    // two old neighbours keep what they had.
    let lastFresh = false;
    while (i < old.length || j < fresh.length) {
      const takeOld = j >= fresh.length || (i < old.length && byText(old[i]!, fresh[j]!) <= 0);
      const v = takeOld ? old[i]! : fresh[j]!;
      const prev = sorted.at(-1);
      const wasTied =
        prev === undefined ? false : takeOld && !lastFresh ? oldTied[i]! : byText(prev, v) === 0;
      sorted.push(v);
      tied.push(wasTied);
      lastFresh = !takeOld;
      if (takeOld) i++;
      else j++;
    }
    this.sorted = sorted;
    this.tied = tied;
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

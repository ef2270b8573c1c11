// The page's state: the files the user gave (kept only in memory), and one card per
// chart with its verdict once the worker has answered. Every change to the file set
// re-runs the check, so a chart, its prov and its key may arrive in separate drops.

import { create } from 'zustand';
import { type Expectation, type KeyOrigin, parsePin, pinValue } from '../core/keys';
import { failureVerdict, type Verdict } from '../core/verdict';
import {
  type ArchiveListing,
  type ChartMeta,
  type Contents,
  DEFAULT_LIMITS,
} from '../core/archive';
import { Verifier } from '../worker/client';
import type { ArchiveLimits, DropSummary, Phase } from '../worker/protocol';
import type { IndexMatch } from '../core/repo';

export interface GivenFile {
  id: string;
  name: string;
  size: number;
  blob: Blob;
  origin: KeyOrigin;
}

export interface Card {
  id: string;
  archive: string | null;
  prov: string | null;
  /** null while the worker is still checking. */
  verdict: Verdict | null;
  listing?: ArchiveListing | null;
  chart?: ChartMeta | null;
  index?: IndexMatch;
  /** The keys given as the binary keyring Helm reads, when it cannot read them as given. */
  helmKeyring?: Uint8Array | null;
  /** What the worker is doing for this card while its verdict is pending. */
  progress?: { phase: Phase; fraction: number | null };
}

interface State {
  files: GivenFile[];
  cards: Card[];
  busy: boolean;
  run: number;
  /** The expected-signer field as typed (or taken from the URL). */
  pinText: string;
  /** Publisher mode: the site's own keys (trusted-keys/), given with every check; Reset keeps them. */
  shipped: GivenFile[];
  /** Publisher mode: the only signers the site accepts, unless the user pins one. */
  siteSigners: string[];
  /** What the last finished check found besides cards (index.yaml, ignored files). */
  summary: DropSummary | null;
  /** How much of an archive is read for browsing (the page's setting). */
  limits: ArchiveLimits;
  addFiles(files: Iterable<File | { name: string; blob: Blob }>, origin?: KeyOrigin): void;
  addKeyText(text: string): void;
  removeFile(id: string): void;
  setShipped(keys: { name: string; blob: Blob }[], signers: string[]): void;
  setPin(text: string): void;
  setLimits(limits: ArchiveLimits): void;
  /** Reads an archive found inside a chart (a subchart), in the worker, within the limits. */
  openNested(bytes: Uint8Array): Promise<Contents>;
  reset(): void;
  /** Starts the worker ahead of the first drop. */
  warm(): void;
}

let nextId = 1;

export const useStore = create<State>()((set, get) => {
  const verifier = new Verifier({
    plan(run, planned) {
      if (run !== get().run) return;
      set({
        cards: planned.map((p) => ({ id: p.id, archive: p.archive, prov: null, verdict: null })),
      });
    },
    progress(run, id, phase, fraction) {
      if (run !== get().run) return;
      set({
        cards: get().cards.map((c) => (c.id === id ? { ...c, progress: { phase, fraction } } : c)),
      });
    },
    card(run, card) {
      if (run !== get().run) return;
      const cards = get().cards;
      const at = cards.findIndex((c) => c.id === card.id);
      set({ cards: at < 0 ? [...cards, card] : cards.with(at, card) });
    },
    done(run, ids, summary) {
      if (run !== get().run) return;
      const decided = new Set(ids);
      set({ cards: get().cards.filter((c) => decided.has(c.id)), busy: false, summary });
    },
    failed(run, message) {
      if (run !== get().run) return;
      const cards = get().cards.length
        ? get().cards
        : get().files.map((f) => ({ id: f.id, archive: f.name, prov: null, verdict: null }));
      set({
        busy: false,
        cards: cards.map((c) => ({
          ...c,
          verdict: c.verdict ?? failureVerdict(message, c.archive),
        })),
      });
    },
  });

  const recheck = () => {
    const { files, shipped, pinText, siteSigners, limits } = get();
    // A pin the user gives replaces the site's list; either travels typed (core/keys/pin.ts).
    const pin = pinValue(parsePin(pinText));
    const expected: Expectation | null = pin
      ? { source: 'user', fingerprints: [pin] }
      : siteSigners.length > 0
        ? { source: 'site', fingerprints: siteSigners }
        : null;
    const run = get().run + 1;
    set({ run, busy: files.length > 0 });
    if (files.length === 0) {
      set({ cards: [], summary: null });
      return;
    }
    verifier.evaluate(
      run,
      [...shipped, ...files].map(({ id, name, blob, origin }) => ({ id, name, blob, origin })),
      expected,
      limits,
    );
  };

  return {
    files: [],
    cards: [],
    busy: false,
    run: 0,
    pinText: '',
    shipped: [],
    siteSigners: [],
    summary: null,
    limits: { ...DEFAULT_LIMITS },
    addFiles(incoming, origin = 'dropped') {
      const added: GivenFile[] = [];
      for (const f of incoming) {
        const blob = f instanceof File ? f : f.blob;
        added.push({ id: `file-${nextId++}`, name: f.name, size: blob.size, blob, origin });
      }
      if (added.length === 0) return;
      // A file dropped again under the same name replaces the earlier one.
      const names = new Set(added.map((f) => f.name));
      const replaced = get().files.filter((f) => names.has(f.name));
      verifier.forget(replaced.map((f) => f.id));
      set({ files: [...get().files.filter((f) => !names.has(f.name)), ...added] });
      recheck();
    },
    addKeyText(text) {
      const n = get().files.filter((f) => f.origin === 'pasted').length + 1;
      const blob = new Blob([text], { type: 'text/plain' });
      get().addFiles([{ name: `pasted-key-${n}.asc`, blob }], 'pasted');
    },
    removeFile(id) {
      verifier.forget([id]);
      const keep = (f: GivenFile) => f.id !== id;
      set({ files: get().files.filter(keep), shipped: get().shipped.filter(keep) });
      recheck();
    },
    setShipped(keys, siteSigners) {
      verifier.forget(get().shipped.map((f) => f.id));
      const shipped = keys.map(({ name, blob }): GivenFile => {
        return { id: `file-${nextId++}`, name, size: blob.size, blob, origin: 'shipped' };
      });
      set({ shipped, siteSigners });
      if (get().files.length) recheck();
    },
    setPin(pinText) {
      const before = pinValue(parsePin(get().pinText));
      set({ pinText });
      if (get().files.length && pinValue(parsePin(pinText)) !== before) recheck();
    },
    openNested: (bytes) => verifier.open(bytes, get().limits),
    setLimits(limits) {
      set({ limits });
      if (get().files.length) recheck();
    },
    reset() {
      verifier.reset(
        get().files.map((f) => f.id),
        get().busy,
      );
      set({ files: [], cards: [], summary: null, busy: false, run: get().run + 1 });
    },
    warm: () => verifier.warm(),
  };
});

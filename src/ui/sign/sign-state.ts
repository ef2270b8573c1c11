// The Sign view's state. By design it holds no secret: the key file goes from the file input
// straight to the signer worker and is not kept here, the passphrase is read from its field at
// the moment of signing and not kept either; what comes back is the keys' public facts and
// blob: URLs the worker made. test/sign-state.test.ts holds this module to that.
import { create } from 'zustand';
import type { GeneratedResult, KeyFacts, SignResult } from '../../worker/sign-protocol';

/** The chart chosen: a folder's files (paths relative to it) or one archive. */
export type ChosenChart =
  | { kind: 'folder'; name: string; files: { path: string; file: File }[] }
  | { kind: 'archive'; name: string; file: File };

export type SignPhase = 'idle' | 'reading-key' | 'generating' | 'signing';

export interface SignProblem {
  message: string;
  /** The words are Helm's own (what `helm package --sign` prints after "Error:"). */
  helm: boolean;
}

export interface SignState {
  chart: ChosenChart | null;
  /** The key file's name (its contents are only in the worker). */
  keyFile: string | null;
  keys: KeyFacts[];
  /** The fingerprint of the key to sign with. */
  chosen: string | null;
  phase: SignPhase;
  error: SignProblem | null;
  result: SignResult | null;
  generated: GeneratedResult | null;
  setChart(chart: ChosenChart | null): void;
  setKeys(file: string | null, keys: KeyFacts[]): void;
  choose(fingerprint: string): void;
  /** Replaces one key's facts (it was unlocked, or its standing changed). */
  updateKey(facts: KeyFacts): void;
  setPhase(phase: SignPhase): void;
  setError(error: SignProblem | null): void;
  setResult(result: SignResult | null): void;
  setGenerated(generated: GeneratedResult): void;
  clear(): void;
}

const EMPTY = {
  chart: null,
  keyFile: null,
  keys: [],
  chosen: null,
  phase: 'idle' as const,
  error: null,
  result: null,
  generated: null,
};

export const useSignStore = create<SignState>((set) => ({
  ...EMPTY,
  setChart: (chart) => set({ chart, result: null, error: null }),
  setKeys: (keyFile, keys) =>
    set({ keyFile, keys, chosen: keys.length === 1 ? keys[0]!.fingerprint : null, error: null }),
  choose: (chosen) => set({ chosen, error: null }),
  updateKey: (facts) =>
    set((s) => ({ keys: s.keys.map((k) => (k.fingerprint === facts.fingerprint ? facts : k)) })),
  setPhase: (phase) => set({ phase }),
  setError: (error) => set({ error }),
  setResult: (result) => set({ result, error: null }),
  setGenerated: (generated) =>
    set((s) => ({
      generated,
      keys: [generated.key, ...s.keys.filter((k) => k.fingerprint !== generated.key.fingerprint)],
      chosen: generated.key.fingerprint,
      error: null,
    })),
  clear: () => set(EMPTY),
}));

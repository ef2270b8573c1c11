// One signing session: the signer worker behind the Sign view, and the intents that talk to
// it. The session ends (the worker is terminated: keys, passphrases and its blob: URLs gone)
// on Reset and when the view closes; the next intent starts a fresh worker.
import { SignerClient, SignFailure } from '../../worker/sign-client';
import type { ChartInput } from '../../worker/sign-protocol';
import type { KeyAlgorithm } from '../../core/sign';
import { useSignStore, type ChosenChart, type SignPhase } from './sign-state';

let client = new SignerClient();

export function endSession(): void {
  client.terminate();
  client = new SignerClient();
  useSignStore.getState().clear();
}

async function step<T>(phase: SignPhase, work: () => Promise<T>): Promise<T | null> {
  const store = useSignStore.getState();
  store.setPhase(phase);
  store.setError(null);
  try {
    return await work();
  } catch (e) {
    const failure = e instanceof SignFailure ? e : null;
    store.setError({ message: (e as Error).message, helm: failure?.helm ?? false });
    return null;
  } finally {
    useSignStore.getState().setPhase('idle');
  }
}

/** The key file goes to the worker as it is: this page never reads it. */
export async function readKeyFile(file: File): Promise<void> {
  const store = useSignStore.getState();
  store.setKeys(null, []);
  const read = await step('reading-key', () => client.readKey(file.name, file));
  if (read) useSignStore.getState().setKeys(read.file, read.keys);
}

export async function generateKey(request: {
  name: string;
  email: string;
  algorithm: KeyAlgorithm;
  expiresInDays: number;
  passphrase: string;
}): Promise<void> {
  const made = await step('generating', () => client.generate(request));
  if (made) useSignStore.getState().setGenerated(made);
}

function chartInput(chart: ChosenChart): ChartInput {
  if (chart.kind === 'archive') return { kind: 'archive', name: chart.name, blob: chart.file };
  return {
    kind: 'folder',
    name: chart.name,
    files: chart.files.map((f) => ({ path: f.path, blob: f.file, mtime: f.file.lastModified })),
  };
}

export async function signChosen(passphrase: string): Promise<void> {
  const { chart, chosen } = useSignStore.getState();
  if (!chart || !chosen) return;
  useSignStore.getState().setResult(null);
  const signed = await step('signing', () => client.sign(chartInput(chart), chosen, passphrase));
  if (!signed) return;
  useSignStore.getState().updateKey(signed.key);
  useSignStore.getState().setResult(signed.result);
}

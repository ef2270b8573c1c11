// Loads the built-in signed sample (public/sample/) from this site itself.
import { useState } from 'react';
import { useStore } from '../state/store';

const SAMPLE = ['podinfo-lite-1.2.0.tgz', 'podinfo-lite-1.2.0.tgz.prov', 'public-key.asc'];

export function SampleButton() {
  const addFiles = useStore((s) => s.addFiles);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const blobs = await Promise.all(
        SAMPLE.map(async (name) => {
          const res = await fetch(`${import.meta.env.BASE_URL}sample/${name}`);
          if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
          return { name, blob: await res.blob() };
        }),
      );
      setError(null);
      addFiles(blobs);
    } catch (e) {
      setError(`The sample could not be loaded (${(e as Error).message}).`);
    }
  };
  return (
    <>
      <button type="button" data-testid="sample" onClick={() => void load()}>
        Try a sample
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </>
  );
}

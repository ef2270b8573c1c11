// Loads the built-in signed sample (public/sample/) from this site itself.
import { useState } from 'react';
import { useStore } from '../state/store';
import { fetchSample } from '../state/sample';

export function SampleButton() {
  const addFiles = useStore((s) => s.addFiles);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const blobs = await fetchSample();
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

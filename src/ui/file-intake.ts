// How files given through the pickers reach the store. The input's `change` is handled by a
// listener of our own rather than React's onChange, and the store posts the check to the
// worker before it takes the files in (state/files.ts): the worker starts reading while the
// page renders the file list, not after.
import { useStore } from '../state/store';

type InputRef = (input: HTMLInputElement | null) => (() => void) | undefined;

/**
 * A ref for a file input whose chosen files (at most `limit`) are given to the check. Made
 * once per input kind, at module level, so React never detaches and re-attaches it.
 */
export function intakeRef(limit = Infinity, setUp?: (input: HTMLInputElement) => void): InputRef {
  return (input) => {
    if (!input) return undefined;
    setUp?.(input);
    const take = () => {
      const files = Array.from(input.files ?? []).slice(0, limit);
      input.value = ''; // picking the same file again still fires change
      if (files.length) useStore.getState().addFiles(files);
    };
    input.addEventListener('change', take);
    return () => input.removeEventListener('change', take);
  };
}

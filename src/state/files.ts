// The files slice: what the user gave (kept only in memory), the pin and the reading limits.
// Every change that alters what is checked runs the check again, so a chart, its prov and
// its key may arrive in separate drops.
import { parsePin, pinValue } from '../core/keys';
import { DEFAULT_LIMITS } from '../core/archive';
import type { Checker } from './run';
import type { FilesSlice, GetState, GivenFile, SetState } from './types';

let nextId = 1;
/** Ids for every file the store holds, given or shipped. */
export const fileId = () => `file-${nextId++}`;

export function filesSlice(set: SetState, get: GetState, checker: Checker): FilesSlice {
  return {
    files: [],
    pinText: '',
    limits: { ...DEFAULT_LIMITS },
    addFiles(incoming, origin = 'dropped') {
      const added: GivenFile[] = [];
      for (const f of incoming) {
        const blob = f instanceof File ? f : f.blob;
        added.push({ id: fileId(), name: f.name, size: blob.size, blob, origin });
      }
      if (added.length === 0) return;
      // A file dropped again under the same name replaces the earlier one.
      const names = new Set(added.map((f) => f.name));
      const replaced = get().files.filter((f) => names.has(f.name));
      checker.forget(replaced.map((f) => f.id));
      set({ files: [...get().files.filter((f) => !names.has(f.name)), ...added] });
      checker.recheck();
    },
    addKeyText(text) {
      const n = get().files.filter((f) => f.origin === 'pasted').length + 1;
      const blob = new Blob([text], { type: 'text/plain' });
      get().addFiles([{ name: `pasted-key-${n}.asc`, blob }], 'pasted');
    },
    removeFile(id) {
      checker.forget([id]);
      const keep = (f: GivenFile) => f.id !== id;
      set({ files: get().files.filter(keep), shipped: get().shipped.filter(keep) });
      checker.recheck();
    },
    setPin(pinText) {
      const before = pinValue(parsePin(get().pinText));
      set({ pinText });
      if (get().files.length && pinValue(parsePin(pinText)) !== before) checker.recheck();
    },
    setLimits(limits) {
      set({ limits });
      if (get().files.length) checker.recheck();
    },
    reset: () => checker.clear({ files: [] }),
  };
}

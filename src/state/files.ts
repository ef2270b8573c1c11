// The files slice: what the user gave (kept only in memory), the pin and the reading limits.
// Every change that alters what is checked runs the check again, so a chart, its prov and
// its key may arrive in separate drops; the request goes to the worker before the store (and
// so the page) takes the change in.
import { parsePin, pinValue } from '../core/keys';
import { DEFAULT_LIMITS } from '../core/archive';
import type { Checker } from './run';
import { AT_ONCE, describe, describeInSlices } from './intake';
import type { FilesSlice, GetState, GivenFile, SetState, State } from './types';

export function filesSlice(set: SetState, get: GetState, checker: Checker): FilesSlice {
  /** A big drop being taken in (intake.ts); later drops wait for it, so they stay in order. */
  let arriving: Promise<void> | null = null;
  /** Counts resets: a drop still being taken in when the page is reset is dropped. */
  let resets = 0;

  /** Checks with `added`, `also` joining the store in the same update. */
  const give = (added: GivenFile[], also: Partial<State> = {}) => {
    if (added.length === 0) return set(also);
    // A file dropped again under the same name replaces the earlier one.
    const names = new Set(added.map((f) => f.name));
    const replaced = get().files.filter((f) => names.has(f.name));
    checker.forget(replaced.map((f) => f.id));
    checker.recheck({
      ...also,
      files: [...get().files.filter((f) => !names.has(f.name)), ...added],
    });
  };

  return {
    files: [],
    arriving: 0,
    pinText: '',
    limits: { ...DEFAULT_LIMITS },
    addFiles(incoming, origin = 'dropped') {
      const list = Array.from(incoming);
      if (!arriving && list.length <= AT_ONCE) return give(list.map((f) => describe(f, origin)));
      const round = resets;
      set({ arriving: get().arriving + list.length });
      const before = arriving?.catch(() => undefined) ?? Promise.resolve();
      const taken = before.then(async () => {
        // Each slice goes to the worker as it is described, to be read meanwhile.
        const added = await describeInSlices(list, origin, (slice) => {
          if (round === resets) checker.take(slice);
        });
        if (round === resets) give(added, { arriving: get().arriving - list.length });
        else checker.forget(added.map((f) => f.id)); // reset while arriving: read for nothing
      });
      arriving = taken;
      void taken.finally(() => {
        if (arriving === taken) arriving = null;
      });
    },
    addKeyText(text) {
      const n = get().files.filter((f) => f.origin === 'pasted').length + 1;
      const blob = new Blob([text], { type: 'text/plain' });
      get().addFiles([{ name: `pasted-key-${n}.asc`, blob }], 'pasted');
    },
    removeFile(id) {
      checker.forget([id]);
      const keep = (f: GivenFile) => f.id !== id;
      checker.recheck({ files: get().files.filter(keep), shipped: get().shipped.filter(keep) });
    },
    setPin(pinText) {
      const before = pinValue(parsePin(get().pinText));
      if (get().files.length && pinValue(parsePin(pinText)) !== before)
        checker.recheck({ pinText });
      else set({ pinText });
    },
    setLimits(limits) {
      if (get().files.length) checker.recheck({ limits });
      else set({ limits });
    },
    reset() {
      resets++;
      checker.clear({ files: [], arriving: 0 });
    },
  };
}

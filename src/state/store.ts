// The page's one store, in three slices, each written only through its own actions:
// files (files.ts) what the user gave, the pin, the reading limits; run (run.ts) the worker
// and its answers, one card per chart; site (site.ts) the keys this site ships. Components
// read it with selectors and send intents; they never decide anything.
import { create } from 'zustand';
import { filesSlice } from './files';
import { createRun } from './run';
import { siteSlice } from './site';
import type { State } from './types';

export type { Card, GivenFile, SiteKeys, ShippedKeyFile, State } from './types';

export const useStore = create<State>()((set, get) => {
  const checker = createRun(set, get);
  return {
    ...checker.slice,
    ...filesSlice(set, get, checker),
    ...siteSlice(set, get, checker),
  };
});

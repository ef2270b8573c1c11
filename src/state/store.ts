// The page's one store, in three slices, each written only through its own actions:
// files (files.ts) what the user gave, the pin, the reading limits; run (run.ts) the worker
// and its answers, one card per chart; site (site.ts) the keys this site ships. Components
// read it with selectors and send intents; they never decide anything.
import { create } from 'zustand';
import type { VerifierPort } from '../worker/client';
import { filesSlice } from './files';
import type { FrameClock } from './pacing';
import { createRun } from './run';
import { siteSlice } from './site';
import type { State } from './types';
import { verifier } from './verifier';

export type { Card, GivenFile, SiteKeys, ShippedKeyFile, State } from './types';

/** A store over this worker (and frame clock): the page's, or a test's with fakes. */
export function createStore(worker: VerifierPort, clock?: FrameClock) {
  return create<State>()((set, get) => {
    const checker = createRun(set, get, worker, clock);
    return {
      ...checker.slice,
      ...filesSlice(set, get, checker),
      ...siteSlice(set, get, checker),
    };
  });
}

export const useStore = createStore(verifier);

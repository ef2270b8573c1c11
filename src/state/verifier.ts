// The page's one verification worker. It starts when this module is evaluated: main.tsx
// imports it before anything else, so the worker (and its openpgp.js) loads while React does
// and the page renders, instead of in idle time after them.
import { Verifier } from '../worker/client';

export const verifier = new Verifier();
if (typeof Worker !== 'undefined') verifier.warm();

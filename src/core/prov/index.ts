// The prov's public surface: read a provenance file (envelope + Helm body) and what it names.
export { chartId, listedDigest, parseProv, ProvError, PROV_MARKER, MAX_BODY_CHARS } from './prov';
export type { BodyProblem, Prov, ProvProblem } from './prov';
export { goFindsBlock } from './clearsign';

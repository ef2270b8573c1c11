// A chart repository's index.yaml: read it and match the dropped archives against it.
export { matchIndex, parseRepoIndex, summarizeIndex } from './repo-index';
export type { IndexEntry, IndexMatch, IndexSummary, RepoIndex } from './repo-index';

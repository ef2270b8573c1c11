// A chart repository's index.yaml: read it and match the dropped archives against it.
export { matchIndex, parseRepoIndex, RepoIndexError, summarizeIndex } from './repo-index';
export type {
  IndexEntry,
  IndexMatch,
  IndexSummary,
  RepoIndex,
  RepoIndexProblem,
} from './repo-index';

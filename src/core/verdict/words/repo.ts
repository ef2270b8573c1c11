// What is wrong with a dropped index.yaml, said plainly.

import type { RepoIndexProblem } from '../../repo/repo-index';

export function repoIndexProblemWords(p: RepoIndexProblem): string {
  switch (p.code) {
    case 'too-large':
      return `${p.name} is too large to read as index.yaml.`;
    case 'bad-yaml':
      return `${p.name} is not valid YAML: ${p.yaml}`;
    case 'no-entries':
      return `${p.name} has no "entries:" map, so it is not a Helm repository index.`;
  }
}

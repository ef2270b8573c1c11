// Types of bundles.mjs for the end-to-end tests that share its budgets.
export declare const PAGE_BUDGET: number;
export declare const WORKER_BUDGET: number;

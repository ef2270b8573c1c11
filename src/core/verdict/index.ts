// The verdict's public surface: evaluate a drop of files into cards (evidence -> rules -> Helm
// -> words), the vocabulary of a verdict, its words, and the reports built from it.
export { evaluate } from './evaluate';
export type { Card, DropSummary, EvaluateOptions, InputFile, Phase } from './evaluate';
export type { KeySet } from './inputs';
export type * from './types';
export { failureVerdict } from './failure';
export { helmOutput } from './helm-lines';
export { helmReport } from './text-report';
export { jsonReport, subjectOf, REPORT_SCHEMA_ID, REPORT_SCHEMA_PATH } from './report';
export type { CardReport, Report, ReportCard, ReportMeta } from './report';
export * from './words';
export type { ArchiveFacts, Evidence } from './evidence';

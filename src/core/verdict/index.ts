// The verdict's public surface: evaluate a drop of files into cards, the vocabulary of a
// verdict, and the report built from it.
export { evaluate } from './evaluate';
export type { Card, DropSummary, EvaluateOptions, InputFile, Phase } from './evaluate';
export type * from './types';

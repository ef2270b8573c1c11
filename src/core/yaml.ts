// YAML as Helm's Go code reads it, made safe for hostile input: every file we parse (prov
// metadata, Chart.yaml, index.yaml) goes through here.
import {
  parse,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type ToJSOptions,
} from 'yaml';

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions = {
  // failsafe: every scalar stays a string, as Go reads Chart.yaml into string fields
  // (so "version: 1.10" stays "1.10", not the number 1.1).
  schema: 'failsafe',
  // Alias bombs ("billion laughs") stop early.
  maxAliasCount: 50,
  // Go's yaml.v2/v3 keep the last of duplicate keys instead of failing.
  uniqueKeys: false,
  // Go's yaml.v2 (sigs.k8s.io/yaml, what Helm uses) honours YAML 1.1 merge keys ("<<").
  merge: true,
  // Pretty errors quote the source around the error: their cost grows with the input.
  prettyErrors: false,
  // Warnings would go to the worker's console; errors are thrown and reported instead.
  logLevel: 'error',
};

/** Throws the yaml package's error when the text is not valid YAML. */
export function parseYaml(text: string): unknown {
  return parse(text, OPTIONS);
}

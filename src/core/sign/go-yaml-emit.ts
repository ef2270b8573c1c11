// yaml.Marshal as sigs.k8s.io/yaml calls it in Helm (JSONToYAML: yaml.v2 over the JSON's
// values): block mappings with keys in yaml.v2's "natural" order, sequences inside a mapping
// not indented ("- " under the key), empty collections as {} and [], long keys as "? key",
// and each scalar in the style go-yaml-scalar.ts picks. Bytes compared with real
// `helm package` output in test/sign-yaml.test.ts.

import { GoFloat, GoInt, isGoMap, yamlFloat, type GoMap, type GoValue } from './go-value';
import { YamlOutput } from './go-yaml-output';
import { fitsSimpleKey, writeScalar } from './go-yaml-scalar';
import { plainReadsAsString } from './go-resolve';

/** The YAML document yaml.v2 writes for a value (ending in a line break). */
export function marshalYaml(value: GoValue): string {
  const out = new YamlOutput();
  emitNode(out, value, false, false);
  out.writeIndent(); // document end: the closing line break
  return out.text();
}

function emitNode(out: YamlOutput, value: GoValue, mapping: boolean, simpleKey: boolean): void {
  out.mappingContext = mapping;
  out.simpleKeyContext = simpleKey;
  if (Array.isArray(value)) emitSequence(out, value);
  else if (isGoMap(value)) emitMapping(out, value);
  else emitScalar(out, value);
}

function emitScalar(out: YamlOutput, value: Exclude<GoValue, GoValue[] | GoMap>): void {
  if (typeof value === 'string') {
    // encoder.stringv: a string with a line break asks for |, one that would read back as
    // another type asks for double quotes; the emitter may still override either.
    const style = value.includes('\n') ? 'literal' : plainReadsAsString(value) ? 'plain' : 'double';
    writeScalar(out, value, style);
  } else if (value === null) writeScalar(out, 'null', 'plain');
  else if (typeof value === 'boolean') writeScalar(out, String(value), 'plain');
  else if (value instanceof GoInt) writeScalar(out, value.value.toString(), 'plain');
  else if (value instanceof GoFloat) writeScalar(out, yamlFloat(value.value, 64), 'plain');
}

/** An empty collection is written in flow style: "[]" or "{}". */
function emitEmpty(out: YamlOutput, brackets: '[]' | '{}'): void {
  out.writeIndicator(brackets[0]!, true, true, false);
  out.writeIndicator(brackets[1]!, false, false, false);
}

function emitSequence(out: YamlOutput, items: GoValue[]): void {
  if (items.length === 0) return emitEmpty(out, '[]');
  out.increaseIndent(false, out.mappingContext && !out.indention);
  for (const item of items) {
    out.writeIndent();
    out.writeIndicator('-', true, false, true);
    emitNode(out, item, false, false);
  }
  out.restoreIndent();
}

function emitMapping(out: YamlOutput, map: GoMap): void {
  const keys = Object.keys(map).sort(compareKeys);
  if (keys.length === 0) return emitEmpty(out, '{}');
  out.increaseIndent(false, false);
  for (const key of keys) {
    out.writeIndent();
    if (fitsSimpleKey(key)) {
      emitNode(out, key, true, true);
      out.writeIndicator(':', false, false, false);
    } else {
      out.writeIndicator('?', true, false, true);
      emitNode(out, key, true, false);
      out.writeIndent();
      out.writeIndicator(':', true, false, true);
    }
    emitNode(out, map[key]!, true, false);
  }
  out.restoreIndent();
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /\p{Nd}/u.test(c);
const digitValue = (c: string) => c.codePointAt(0)! - 48;

/** sort.Sort over yaml.v2's keyList.Less, for string keys: letters, then digit runs by value. */
export function compareKeys(a: string, b: string): number {
  return keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0;
}

function keyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) continue;
    const xl = isLetter(x);
    const yl = isLetter(y);
    if (xl && yl) return x.codePointAt(0)! < y.codePointAt(0)!;
    if (xl || yl) return yl;
    let an = 0;
    let bn = 0;
    if (x === '0' || y === '0') {
      // A zero inside a longer number ("10" vs "1a") is not a leading zero.
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + digitValue(ar[ai]!);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + digitValue(br[bi]!);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x.codePointAt(0)! < y.codePointAt(0)!;
  }
  return ar.length < br.length;
}

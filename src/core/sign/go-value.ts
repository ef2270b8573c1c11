// Values as Helm's Go code passes them between yaml.v2 and encoding/json when it loads and
// saves a Chart.yaml (sigs.k8s.io/yaml). Strings, booleans and null are plain JS values;
// numbers keep their Go kind, because an int and a float print differently ("1e+06" vs
// "1000000") and a float turned into a string field goes through float32 ("1.10" -> "1.1").

/** yaml.v2's int, int64 or uint64 (all exact here). */
export class GoInt {
  constructor(readonly value: bigint) {}
  /** As a map key: sigs.k8s.io/yaml turns int keys into strconv.Itoa text. */
  toString(): string {
    return this.value.toString();
  }
}

/** yaml.v2's float64. */
export class GoFloat {
  constructor(readonly value: number) {}
  /** As a map key or a string field: sigs.k8s.io/yaml's FormatFloat(f, 'g', -1, 32). */
  toString(): string {
    return yamlFloat(this.value, 32);
  }
}

export type GoScalar = string | boolean | null | GoInt | GoFloat;
export type GoValue = GoScalar | GoValue[] | GoMap;
/** A mapping with string keys (what JSON can carry); yaml.v2 sorts the keys on output. */
export type GoMap = { [key: string]: GoValue };

export function isGoMap(v: unknown): v is GoMap {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof GoInt) &&
    !(v instanceof GoFloat)
  );
}

/** strconv.FormatFloat(f, 'g', -1, bits) with yaml.v2's names for infinities and NaN. */
export function yamlFloat(f: number, bits: 32 | 64): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  return formatG(f, bits);
}

/** Go's shortest 'g' format: %e when the exponent is < -4 or >= 6 (the shortest rule's 6). */
export function formatG(f: number, bits: 32 | 64): string {
  const neg = f < 0 || Object.is(f, -0);
  const { digits, exp } = shortestDigits(Math.abs(f), bits);
  const sign = neg ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${e}`;
  }
  // %f with exactly the digits needed.
  const point = exp + 1; // digits before the decimal point
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * The shortest decimal digits that read back as the same float64 (or float32), and the
 * decimal exponent of the first digit. JS's own shortest form gives float64's; float32 tries
 * 1 to 9 significant digits.
 */
function shortestDigits(f: number, bits: 32 | 64): { digits: string; exp: number } {
  if (f === 0) return { digits: '0', exp: 0 };
  let text = f.toExponential();
  if (bits === 32) {
    const single = Math.fround(f);
    for (let p = 1; p <= 9; p++) {
      const candidate = single.toExponential(p - 1);
      if (Math.fround(Number(candidate)) === single) {
        text = candidate;
        break;
      }
    }
  }
  const [mantissa, e] = text.split('e') as [string, string];
  return { digits: mantissa.replace('.', '').replace(/0+$/, '') || '0', exp: Number(e) };
}

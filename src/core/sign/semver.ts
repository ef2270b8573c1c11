// Whether Helm takes a chart version: Masterminds/semver v3.4's NewVersion, which by default
// coerces (CoerceNewVersion): "1", "v1.2", "1.2.3-rc.1+build" are versions; numbers must fit
// in 64 bits and a numeric pre-release part must not start with 0.

const LOOSE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const UINT64_MAX = (1n << 64n) - 1n;

export function isHelmVersion(v: string): boolean {
  const m = LOOSE.exec(v);
  if (!m) return false;
  const segments = [m[1], m[2], m[3]].filter((s): s is string => s !== undefined);
  if (segments.some((s) => BigInt(s.replace('.', '')) > UINT64_MAX)) return false;
  const pre = m[5];
  return pre === undefined || pre.split('.').every((p) => !/^0[0-9]+$/.test(p));
}

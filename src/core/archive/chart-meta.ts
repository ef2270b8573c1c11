// The chart's own Chart.yaml, read from the archive, and the cross-checks against the
// prov and the signer: prov metadata vs Chart.yaml (name, version, appVersion), the
// archive's top folder vs the chart name, and Artifact Hub's signKey annotation vs the
// key that actually signed.

import { parseYaml } from '../yaml';
import type { ArchiveListing, TarEntry } from './chart-archive';
import { decodeUtf8 } from '../text';
import type { Warning } from '../verdict/types';

/** A Chart.yaml that cannot be read: `message` is the YAML reader's (yaml.v2's wording). */
export interface ChartYamlProblem {
  code: 'chart-yaml-invalid';
  message: string;
}

export interface ChartMeta {
  /** Path of the Chart.yaml that was read. */
  path: string;
  fields: Record<string, unknown>;
  error: ChartYamlProblem | null;
}

/**
 * Every Chart.yaml Helm's loader reads: each file named Chart.yaml right under the top folder
 * (whatever that folder is called), in archive order.
 */
function chartYamls(listing: ArchiveListing): TarEntry[] {
  return listing.entries.filter(
    (e) => e.type === 'file' && /^[^/\\]+[/\\]Chart\.yaml$/.test(e.path),
  );
}

/** The Chart.yaml whose values win: the last one (Helm reads them all, in order). */
export function findChartYaml(listing: ArchiveListing): TarEntry | null {
  return chartYamls(listing).at(-1) ?? null;
}

/**
 * The chart's metadata as Helm's loader ends up with it: every Chart.yaml unmarshalled in
 * turn into the same fields (later keys override, maps merge, lists are replaced).
 */
export function readChartMeta(listing: ArchiveListing): ChartMeta | null {
  const entries = chartYamls(listing).filter((e) => e.data);
  if (entries.length === 0) return null;
  const path = entries.at(-1)!.path;
  let fields: Record<string, unknown> = {};
  for (const entry of entries) {
    try {
      const doc = parseYaml(decodeUtf8(entry.data!).replace(/^\ufeff/, ''));
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
        fields = mergeFields(fields, doc as Record<string, unknown>);
      }
    } catch (e) {
      return {
        path: entry.path,
        fields: {},
        error: { code: 'chart-yaml-invalid', message: (e as Error).message },
      };
    }
  }
  return { path, fields, error: null };
}

function mergeFields(into: Record<string, unknown>, from: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const was = out[k];
    const bothMaps = [was, v].every((x) => x && typeof x === 'object' && !Array.isArray(x));
    Object.defineProperty(out, k, {
      value: bothMaps
        ? mergeFields(was as Record<string, unknown>, v as Record<string, unknown>)
        : v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

const COMPARED = ['name', 'version', 'appVersion'] as const;

/** What a cross-check found, for the verdict's details (words/archive.ts says it). */
export type CrossNote =
  | ChartYamlProblem
  /** The prov's and Chart.yaml's values of a field differ (null: not there). */
  | {
      code: 'metadata-differs';
      field: (typeof COMPARED)[number];
      prov: string | null;
      chart: string | null;
    }
  | { code: 'top-folder'; folder: string; name: string }
  /** `named`: the fingerprint artifacthub.io/signKey gives; `signer`: the one that signed. */
  | { code: 'signkey-differs'; named: string; signer: string };

export interface CrossCheck {
  warnings: Warning[];
  notes: CrossNote[];
}

export function crossCheck(
  provMeta: Record<string, unknown> | null,
  chart: ChartMeta | null,
  topFolder: string | null,
  signer: string | null,
): CrossCheck {
  const out: CrossCheck = { warnings: [], notes: [] };
  if (!chart) return out;
  if (chart.error) out.notes.push(chart.error);
  const f = chart.fields;
  if (provMeta) {
    const diffs = COMPARED.filter((k) => str(provMeta[k]) !== str(f[k]));
    if (diffs.length) {
      out.warnings.push('metadata-mismatch');
      for (const field of diffs) {
        const [prov, chart] = [str(provMeta[field]), str(f[field])];
        out.notes.push({ code: 'metadata-differs', field, prov, chart });
      }
    }
  }
  const name = str(f.name);
  if (topFolder && name && topFolder !== name) {
    out.notes.push({ code: 'top-folder', folder: topFolder, name });
  }
  const signKey = signKeyFingerprint(f);
  if (signKey && signer && !signer.endsWith(signKey)) {
    out.warnings.push('signkey-mismatch');
    out.notes.push({ code: 'signkey-differs', named: signKey, signer });
  }
  return out;
}

/** Artifact Hub's annotation: a YAML string "fingerprint: HEX\nurl: …". */
export function signKeyFingerprint(fields: Record<string, unknown>): string | null {
  const ann = fields.annotations;
  if (!ann || typeof ann !== 'object') return null;
  const raw = (ann as Record<string, unknown>)['artifacthub.io/signKey'];
  if (typeof raw !== 'string') return null;
  const m = /fingerprint:\s*([0-9A-Fa-f\s]{16,})/.exec(raw);
  return m ? m[1]!.replace(/\s+/g, '').toUpperCase() : null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

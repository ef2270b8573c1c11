// The subcharts a chart carries in charts/, and whether Chart.yaml declares them. Helm's
// loader takes every archive and every folder in charts/ as a subchart and installs it
// whether or not `dependencies` (or a v1 chart's requirements.yaml) names it; one that is
// not named is worth a look before trusting the chart.
import {
  findEntry,
  indicesUnder,
  pathAt,
  typeAt,
  type BrowseListing,
  type EntryTable,
} from '../../core/archive/table';
import type { ChartMeta } from '../../core/archive/chart-meta';
import { parseYaml } from '../../core/yaml';
import { field, list, map, own } from './chart-fields';

export interface Subchart {
  /** Inside the chart: charts/NAME-VERSION.tgz or charts/NAME/. */
  path: string;
  declared: boolean;
}

const ARCHIVE = /\.(tgz|tar\.gz)$/i;

/** The names `dependencies` gives, in Chart.yaml and in requirements.yaml (Helm reads both). */
function declaredNames(chart: ChartMeta, table: EntryTable, base: string): string[] {
  const names = list(chart.fields.dependencies).map((d) => field(d, 'name'));
  const requirements = findEntry(table, `${base}requirements.yaml`, true);
  if (requirements?.data) {
    try {
      const doc = parseYaml(new TextDecoder().decode(requirements.data));
      names.push(...list(own(map(doc), 'dependencies')).map((d) => field(d, 'name')));
    } catch {
      // Helm would refuse the chart; the summary's own Chart.yaml notes say why not here.
    }
  }
  return names.filter((n): n is string => n !== null && n !== '');
}

/** `name-1.2.3.tgz` is the archive `helm package` makes of a chart called `name`. */
const archiveOf = (file: string, name: string) => {
  const stem = file.replace(ARCHIVE, '');
  return (
    stem === name || (stem.startsWith(`${name}-`) && /^v?\d/.test(stem.slice(name.length + 1)))
  );
};

export function subcharts({ table }: BrowseListing, chart: ChartMeta): Subchart[] {
  const base = chart.path.slice(0, chart.path.length - 'Chart.yaml'.length);
  const dir = `${base}charts/`;
  const declared = declaredNames(chart, table, base);
  const found = new Map<string, Subchart>();
  for (const i of indicesUnder(table, dir)) {
    const rest = pathAt(table, i).slice(dir.length);
    const cut = rest.indexOf('/');
    if (cut < 0 && (typeAt(table, i) !== 'file' || !ARCHIVE.test(rest))) continue;
    const path = cut < 0 ? `charts/${rest}` : `charts/${rest.slice(0, cut)}/`;
    if (found.has(path)) continue;
    const folder = cut < 0 ? null : rest.slice(0, cut);
    const names = folder === null ? [] : [folder, folderChartName(table, dir, folder)];
    found.set(path, {
      path,
      declared: declared.some((d) => (folder === null ? archiveOf(rest, d) : names.includes(d))),
    });
  }
  return [...found.values()];
}

/** The name a folder subchart's own Chart.yaml gives, if it can be read. */
function folderChartName(table: EntryTable, dir: string, folder: string) {
  const yaml = findEntry(table, `${dir}${folder}/Chart.yaml`, true);
  if (!yaml?.data) return null;
  try {
    return field(parseYaml(new TextDecoder().decode(yaml.data)), 'name');
  } catch {
    return null;
  }
}

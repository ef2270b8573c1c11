// chart.mjs - builds a hostile case: a chart's tar entries (top folder NAME, Chart.yaml
// first) plus what the e2e spec should expect of it.

export const VERSION = '0.1.0';

export const chartYaml = (name, extra = '') =>
  `apiVersion: v2\nname: ${name}\nversion: ${VERSION}\ndescription: hostile fixture ${name}\n${extra}`;
export const file = (path, data, more = {}) => ({ path, data, ...more });

/** A chart: top folder NAME, a Chart.yaml (unless given), then the other files. */
export function chart(name, files, { chart: cy = chartYaml(name) } = {}) {
  const out = files.slice();
  if (cy !== null) out.unshift(file(`${name}/Chart.yaml`, cy));
  return out;
}

/**
 * @param {string} id chart name and archive base name
 * @param {string} attacks one line for the README
 * @param {object[]} entries tar entries
 * @param {{sign?: boolean, provMeta?: string, status?: string, warnings?: string[]}} opts
 */
export const hostileCase = (id, attacks, entries, opts = {}) => ({ id, attacks, entries, ...opts });

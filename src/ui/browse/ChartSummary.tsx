// The chart's own Chart.yaml, as Artifact Hub would summarise it.
import type { ChartMeta } from '../../core/archive/chart-meta';
import { chartYamlProblemWords } from '../../core/verdict/words';

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const list = (v: unknown) => (Array.isArray(v) ? v : []);
const map = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
/** Any YAML value as plain text, never throwing: String() would on `{toString: x}` maps. */
const text = (v: unknown): string => {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return '(unreadable value)';
  }
};

const SIMPLE = [
  'name',
  'version',
  'appVersion',
  'apiVersion',
  'type',
  'kubeVersion',
  'description',
  'home',
] as const;

export function ChartSummary({ chart }: { chart: ChartMeta }) {
  const f = chart.fields;
  return (
    <div className="summary" data-testid="chart-summary">
      {chart.error ? <p role="alert">{chartYamlProblemWords(chart.error)}</p> : null}
      <dl className="facts">
        {SIMPLE.filter((k) => str(f[k])).map((k) => (
          <FieldRow key={k} label={k} value={str(f[k])!} />
        ))}
        {list(f.keywords).length ? (
          <FieldRow label="keywords" value={list(f.keywords).map(text).join(', ')} />
        ) : null}
        {list(f.sources).length ? (
          <FieldRow label="sources" value={list(f.sources).map(text).join(' · ')} />
        ) : null}
        {list(f.maintainers).length ? (
          <FieldRow
            label="maintainers"
            value={list(f.maintainers)
              .map((m) =>
                [str(map(m).name), str(map(m).email) && `<${str(map(m).email)}>`]
                  .filter(Boolean)
                  .join(' '),
              )
              .join('; ')}
          />
        ) : null}
      </dl>
      {list(f.dependencies).length ? (
        <>
          <h4>Dependencies</h4>
          <table className="deps">
            <thead>
              <tr>
                <th>name</th>
                <th>version</th>
                <th>repository</th>
                <th>condition</th>
              </tr>
            </thead>
            <tbody>
              {list(f.dependencies).map((d, i) => (
                <tr key={i}>
                  <td>{str(map(d).name)}</td>
                  <td className="mono">{str(map(d).version)}</td>
                  <td className="break">{str(map(d).repository)}</td>
                  <td>{str(map(d).condition)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {Object.keys(map(f.annotations)).length ? (
        <>
          <h4>Annotations</h4>
          <dl className="facts">
            {Object.entries(map(f.annotations)).map(([k, v]) => (
              <FieldRow key={k} label={k} value={text(v)} />
            ))}
          </dl>
        </>
      ) : null}
    </div>
  );
}

function FieldRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="break">{value}</dd>
    </>
  );
}

// The chart's own Chart.yaml, as Artifact Hub would summarise it, in a frame that says it is
// the chart's (browse.css). What chartproof itself says about it (Helm's deprecation warning,
// a Chart.yaml that cannot be read) stands above the frame.
import { useMemo, type ReactNode } from 'react';
import type { BrowseListing } from '../../core/archive/table';
import type { ChartMeta } from '../../core/archive/chart-meta';
import { chartYamlProblemWords } from '../../core/verdict/words';
import { Annotation } from './Annotation';
import { BreakableName } from './BreakableName';
import { field, isGoTrue, list, map, readAnnotation, str, text } from './chart-fields';
import { subcharts } from './subcharts';

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

export function ChartSummary({ chart, listing }: { chart: ChartMeta; listing: BrowseListing }) {
  const f = chart.fields;
  const annotations = useMemo(
    () => Object.entries(map(f.annotations)).map(([k, v]) => [k, readAnnotation(k, v)] as const),
    [f.annotations],
  );
  const undeclared = useMemo(
    () => subcharts(listing, chart).filter((s) => !s.declared),
    [listing, chart],
  );
  const deps = list(f.dependencies);
  return (
    <div className="summary" data-testid="chart-summary">
      {chart.error ? <p role="alert">{chartYamlProblemWords(chart.error)}</p> : null}
      {isGoTrue(f.deprecated) ? (
        <p className="deprecated" data-testid="deprecated">
          <span className="badge">Deprecated</span> The chart says it is deprecated; Helm warns{' '}
          <q>This chart is deprecated</q> when installing it.
        </p>
      ) : null}
      <section className="chart-frame" aria-label={`Chart file ${chart.path}, summarised`}>
        <header className="frame-head">
          <span className="frame-label">Chart file</span>
          <BreakableName className="frame-path mono" text={chart.path} title={chart.path} />
          <span className="frame-meta">summary</span>
        </header>
        <div className="summary-body">
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
                  .map((m) => {
                    const email = field(m, 'email');
                    return [field(m, 'name'), email && `<${email}>`].filter(Boolean).join(' ');
                  })
                  .join('; ')}
              />
            ) : null}
          </dl>
          {deps.length || undeclared.length ? <h4>Dependencies</h4> : null}
          {deps.length ? (
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
                {deps.map((d, i) => (
                  <tr key={i}>
                    <td>{field(d, 'name')}</td>
                    <td className="mono">{field(d, 'version')}</td>
                    <td className="break">{field(d, 'repository')}</td>
                    <td>{field(d, 'condition')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {undeclared.length ? (
            <>
              <p>
                In <code>charts/</code> but not declared in <code>dependencies</code> (Helm installs
                them all the same):
              </p>
              <ul className="undeclared" data-testid="undeclared-subcharts">
                {undeclared.map((s) => (
                  <li key={s.path} data-subchart={s.path}>
                    <BreakableName className="mono" text={s.path} />{' '}
                    <span className="tag">not declared</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {annotations.length ? (
            <>
              <h4>Annotations</h4>
              <dl className="facts annotations">
                {annotations.map(([k, view]) => (
                  <FieldRow key={k} label={k}>
                    <Annotation view={view} />
                  </FieldRow>
                ))}
              </dl>
            </>
          ) : null}
        </div>
      </section>
    </div>
  );
}

function FieldRow(props: { label: string; value?: string; children?: ReactNode }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd className="break">{props.children ?? props.value}</dd>
    </>
  );
}

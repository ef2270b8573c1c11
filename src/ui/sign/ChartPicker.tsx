// Step 1 of the Sign view: the chart, as a folder (packaged here as `helm package` would) or
// as an archive `helm package` already made; dropping it anywhere on the view works too.
import { chartFromFolderInput } from './chart-drop';
import { useChartDrop } from './use-chart-drop';
import { useSignStore } from './sign-state';

export function ChartPicker() {
  const chart = useSignStore((s) => s.chart);
  const setChart = useSignStore((s) => s.setChart);
  const over = useChartDrop();
  return (
    <fieldset className={over ? 'sign-step dragging' : 'sign-step'}>
      <legend>1. The chart</legend>
      <p className="muted">
        A chart folder (with its Chart.yaml; .helmignore is honoured, charts/ taken as given), or
        the NAME-VERSION.tgz that <code>helm package</code> made. Drop it on this page or choose:
      </p>
      <div className="actions">
        <label className="picker">
          <input
            type="file"
            multiple
            className="visually-hidden"
            data-testid="sign-folder-input"
            ref={(el) => el?.setAttribute('webkitdirectory', '')}
            onChange={(e) => {
              const c = chartFromFolderInput(Array.from(e.currentTarget.files ?? []));
              if (c) setChart(c);
              e.currentTarget.value = '';
            }}
          />
          <span className="button">Choose a folder…</span>
        </label>
        <label className="picker">
          <input
            type="file"
            accept=".tgz,.tar.gz,application/gzip"
            className="visually-hidden"
            data-testid="sign-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) setChart({ kind: 'archive', name: file.name, file });
              e.currentTarget.value = '';
            }}
          />
          <span className="button">Choose a .tgz…</span>
        </label>
      </div>
      <p className="chosen" data-testid="sign-chart" aria-live="polite">
        {chart === null
          ? 'No chart chosen yet.'
          : chart.kind === 'folder'
            ? `Folder ${chart.name}/ with ${chart.files.length} files: it will be packaged, then signed.`
            : `Archive ${chart.name}: it will be signed as it is.`}
      </p>
    </fieldset>
  );
}

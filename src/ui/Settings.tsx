// The reading limits, like Helm's loader (100 MiB decompressed, 5 MiB per file). Raising
// them lets a bigger chart be browsed; Helm's own answer (data-helm) keeps Helm's limit.
import { useState } from 'react';
import { useStore } from '../state/store';
import './settings.css';

const MiB = 1024 * 1024;
const MAX_MIB = 4096;

function LimitInput(props: { label: string; value: number; onCommit(bytes: number): void }) {
  const [text, setText] = useState(String(props.value / MiB));
  const mib = Number(text);
  const valid = Number.isFinite(mib) && mib >= 1 && mib <= MAX_MIB;
  const commit = () => {
    if (valid && mib * MiB !== props.value) props.onCommit(Math.round(mib * MiB));
  };
  return (
    <label className="limit">
      {props.label}
      <input
        type="number"
        min={1}
        max={MAX_MIB}
        step={1}
        value={text}
        aria-invalid={!valid}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      MiB
    </label>
  );
}

export function Settings() {
  const limits = useStore((s) => s.limits);
  const setLimits = useStore((s) => s.setLimits);
  const raised = limits.maxTotal > 100 * MiB;
  return (
    <details className="settings" data-testid="settings">
      <summary>Reading limits</summary>
      <p className="muted">
        An archive is decompressed only up to these sizes, so a gzip bomb cannot freeze the tab.
        Raise them to browse a bigger chart.
      </p>
      <LimitInput
        label="Largest chart (decompressed)"
        value={limits.maxTotal}
        onCommit={(maxTotal) => setLimits({ ...limits, maxTotal })}
      />
      <LimitInput
        label="Largest file shown"
        value={limits.maxFile}
        onCommit={(maxFile) => setLimits({ ...limits, maxFile })}
      />
      {raised ? (
        <p className="note">
          Helm refuses charts over 100 MiB decompressed whatever you set here; the Helm line of a
          verdict keeps Helm’s limit.
        </p>
      ) : null}
    </details>
  );
}

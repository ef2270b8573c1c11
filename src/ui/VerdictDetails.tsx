import type { Verdict } from '../core/verdict/types';
import { groupFingerprint } from '../core/text';
import { keyFileWords, keyNoteWords } from '../core/verdict/words';

const PAIRED = {
  name: 'by file name',
  hash: 'by the archive hash it lists',
  chart: 'by chart name and version',
  lone: 'because they were the only archive and prov given',
} as const;

export function VerdictDetails({ verdict: v }: { verdict: Verdict }) {
  return (
    <>
      {v.details.length > 0 ? (
        <ul className="details">
          {v.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
      {v.keyFiles.some((f) => !f.error) ? (
        <ul className="key-files" aria-label="Key files" data-testid="key-files">
          {v.keyFiles
            .filter((f) => !f.error)
            .map((f) => (
              <li key={f.name} className={f.secret ? 'warn' : undefined}>
                {keyFileWords(f)}
              </li>
            ))}
        </ul>
      ) : null}
      <details className="more">
        <summary>Details</summary>
        {v.prov ? (
          <p>
            Provenance: <strong>{v.prov.name}</strong>
            {v.pairedBy ? `, paired with the archive ${PAIRED[v.pairedBy]}` : ''}
            {v.signature && v.signature.count > 1 ? ` · ${v.signature.count} signatures` : ''}
          </p>
        ) : null}
        {v.keys.length > 0 ? (
          <>
            <h4>Keys given ({v.keys.length})</h4>
            <ul className="keys">
              {v.keys.slice(0, 50).map((k) => (
                <li key={k.fingerprint}>
                  <span className="mono">{groupFingerprint(k.fingerprint)}</span>{' '}
                  {k.userIds[0] ?? ''}{' '}
                  <span className="muted">
                    ({k.source}
                    {k.fromSecret ? ', from a secret key' : ''})
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {v.keyFiles.some((f) => f.notes.length) ? (
          <ul className="key-notes">
            {v.keyFiles.flatMap((f) =>
              f.notes.map((n, i) => (
                <li key={`${f.name}-${i}`}>
                  {f.name}: {keyNoteWords(n)}
                </li>
              )),
            )}
          </ul>
        ) : null}
        <Timings timings={v.timings} />
        {v.prov ? (
          <>
            <h4>Signed text</h4>
            <pre className="prov-body">{v.prov.body}</pre>
          </>
        ) : null}
      </details>
    </>
  );
}

const PHASES = ['read', 'keys', 'hash', 'unpack', 'verify'] as const;

/** Where the time went (also left as performance measures "chartproof …" in the worker). */
function Timings({ timings }: { timings: Record<string, number> }) {
  const known = PHASES.filter((p) => timings[p] !== undefined);
  if (known.length === 0) return null;
  const attrs = Object.fromEntries(known.map((p) => [`data-${p}-ms`, timings[p]!.toFixed(1)]));
  return (
    <p className="timings muted" data-testid="timings" {...attrs}>
      Time spent: {known.map((p) => `${p} ${formatMs(timings[p]!)}`).join(' · ')}
    </p>
  );
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

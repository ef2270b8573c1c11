import type { Verdict } from '../core/verdict/types';
import { CopyButton } from './CopyButton';

export function HelmPanel({ verdict: v }: { verdict: Verdict }) {
  const helm = v.helm.v4;
  return (
    <section className="helm" aria-label="What Helm would say">
      <h3>
        helm verify{' '}
        {helm.answer === 'accept' ? (
          <span className="pill ok">would accept</span>
        ) : helm.answer === 'reject' ? (
          <span className="pill bad">would reject</span>
        ) : (
          <span className="pill">has nothing to check</span>
        )}
      </h3>
      {helm.why ? (
        <p>
          Helm 4 says: <code>Error: {helm.why}</code>
        </p>
      ) : null}
      {helm.explain ? <p>{helm.explain}</p> : null}
      {v.helmLines ? (
        <div className="helm-lines">
          <pre data-testid="helm-lines">{v.helmLines}</pre>
          <CopyButton text={v.helmLines} label="Copy" />
        </div>
      ) : null}
    </section>
  );
}

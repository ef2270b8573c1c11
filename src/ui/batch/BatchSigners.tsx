// One line over the batch table saying who signed the charts: one key for all of them, or how
// many different keys did (the data-count the contract reads), with each key's share.
import { ShortFingerprint } from '../Fingerprint';
import type { Signers } from './batch-model';

export function BatchSigners({ signers, charts }: { signers: Signers; charts: number }) {
  const { keys, signed } = signers;
  const plural = (n: number) => `${n} chart${n === 1 ? '' : 's'}`;
  return (
    <p
      className={`batch-signers${keys.length > 1 ? ' several' : ''}`}
      data-testid="batch-signers"
      data-count={keys.length}
    >
      {keys.length === 0 ? (
        'No chart here has a valid signature by a key given.'
      ) : keys.length === 1 ? (
        <>
          {signed === charts
            ? `All ${plural(charts)} are signed by one key: `
            : `${signed} of ${plural(charts)} are signed, all by one key: `}
          <ShortFingerprint fpr={keys[0]!.fingerprint} />
          {keys[0]!.name ? <span className="muted"> ({keys[0]!.name})</span> : null}
        </>
      ) : (
        <>
          <span aria-hidden="true">⚠ </span>
          <strong>{keys.length} different keys signed these charts:</strong>{' '}
          {keys.map((k, i) => (
            <span key={k.fingerprint}>
              {i ? ' · ' : ''}
              <ShortFingerprint fpr={k.fingerprint} />
              {k.name ? ` ${k.name}` : ''} — {plural(k.charts)}
            </span>
          ))}
        </>
      )}
    </p>
  );
}

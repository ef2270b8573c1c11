// A card whose verdict is still being worked out: no data-status (the contract's "under
// way"), and what the worker is doing, so a big archive shows it is moving.
import type { Card } from '../state/store';
import type { Phase } from '../worker/protocol';

const PHASE_WORDS: Record<Phase, string> = {
  hash: 'Computing SHA-256…',
  unpack: 'Reading the archive’s files…',
  signature: 'Checking the signature…',
};

export function PendingCard({
  card,
  name,
  hidden = false,
}: {
  card: Card;
  name: string;
  hidden?: boolean;
}) {
  const p = card.progress;
  return (
    <article
      className="card pending"
      data-testid="verdict"
      data-archive={name}
      aria-busy="true"
      hidden={hidden}
    >
      {/* Laid out like the final header (icon, title, file name) so nothing moves. */}
      <header className="status">
        <span className="icon" aria-hidden="true">
          <span className="spinner" />
        </span>
        <div>
          <p className="pending-title">Checking…</p>
          <p className="subject">{name}</p>
        </div>
      </header>
      <p className="progress-line" data-testid="progress" data-phase={p?.phase ?? ''}>
        {p ? PHASE_WORDS[p.phase] : 'Reading the file…'}
        {p?.fraction != null ? (
          <>
            {' '}
            <progress
              max={1}
              value={p.fraction}
              aria-label={`${name}: ${PHASE_WORDS[p.phase]}`}
            />{' '}
            {Math.round(p.fraction * 100)}%
          </>
        ) : null}
      </p>
    </article>
  );
}

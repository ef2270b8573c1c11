// One card per chart archive (or orphan prov). Its data-* attributes are the page's
// testing contract (DEVELOPERS.md); everything else is for people.
import { lazy, memo, Suspense } from 'react';
import type { Card } from '../state/store';
import { STATUS_WORDS, WARNING_WORDS } from '../core/verdict/words';
import { SignatureFacts } from './SignatureFacts';
import { HelmPanel } from './HelmPanel';
import { VerdictDetails } from './VerdictDetails';
import { ReportActions } from './ReportActions';
import { PendingCard } from './PendingCard';
import { KeyTrust } from './KeyTrust';

const ArchiveBrowser = lazy(() => import('./browse/ArchiveBrowser'));

const ICONS = { verified: '✔', failed: '✖', unsigned: '○', 'no-key': '🔑', error: '⚠' } as const;
// A good signature by another key than the one the chart names is no plain success (amber).
const CONTRADICTED = { icon: '⚠', title: 'Signed by another key' } as const;

// memo: a card re-renders only when its own entry in the store changes (batches of hundreds).
// hidden: a batch filter leaves the card out (it stays in the DOM, as the contract counts cards).
export const VerdictCard = memo(function VerdictCard({
  card,
  hidden = false,
}: {
  card: Card;
  hidden?: boolean;
}) {
  const v = card.verdict;
  const archiveName = card.archive ?? card.prov ?? '';
  if (!v) return <PendingCard card={card} name={archiveName} hidden={hidden} />;
  const contradicted = v.keyTrust === 'contradicted';
  const title = contradicted ? CONTRADICTED.title : STATUS_WORDS[v.status];
  return (
    <article
      id={`card-${card.id}`}
      tabIndex={-1}
      hidden={hidden}
      className={`card status-${v.status}${v.keyTrust ? ` trust-${v.keyTrust}` : ''}`}
      data-testid="verdict"
      data-status={v.status}
      data-reason={v.reason ?? ''}
      data-warnings={v.warnings.join(' ')}
      data-signer-fingerprint={v.signer?.fingerprint ?? ''}
      data-chart={v.chart ?? ''}
      data-archive={archiveName}
      data-helm={v.helm.v4.answer ?? ''}
      data-helm3={v.helm.v3.answer ?? ''}
      data-helm-install={v.helm.install.answer ?? ''}
      data-helm-keyring={v.helm.keyring ?? ''}
      data-key-trust={v.keyTrust ?? ''}
      aria-label={`${title}: ${archiveName}`}
    >
      <header className="status">
        <span className="icon" aria-hidden="true">
          {contradicted ? CONTRADICTED.icon : ICONS[v.status]}
        </span>
        <div>
          <h2>{title}</h2>
          <p className="subject">
            {archiveName}
            {v.claimedChart ? <span className="muted"> · claims {v.claimedChart}</span> : null}
          </p>
        </div>
      </header>
      <p className="headline">{v.headline}</p>
      <KeyTrust verdict={v} />
      {v.warnings.length > 0 ? (
        <ul className="warnings" aria-label="Warnings">
          {v.warnings.map((w) => (
            <li key={w} data-warning={w}>
              {WARNING_WORDS[w]}
            </li>
          ))}
        </ul>
      ) : null}
      <SignatureFacts verdict={v} />
      <HelmPanel verdict={v} keyring={card.helmKeyring ?? null} />
      <ReportActions card={{ archive: card.archive, prov: card.prov, verdict: v }} />
      <VerdictDetails verdict={v} />
      {card.listing ? (
        <details className="contents" open={card.verdict?.status !== 'error'}>
          <summary>Chart contents ({card.listing.entries.length} entries)</summary>
          <Suspense fallback={<p className="muted">Loading the file browser…</p>}>
            <ArchiveBrowser listing={card.listing} chart={card.chart ?? null} />
          </Suspense>
        </details>
      ) : null}
    </article>
  );
});

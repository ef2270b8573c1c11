// One card per chart archive (or orphan prov). Its data-* attributes are the page's
// testing contract (DEVELOPERS.md); everything else is for people.
import { lazy, memo, Suspense, useDeferredValue } from 'react';
import type { Card } from '../state/store';
import { WARNING_WORDS } from '../core/verdict/words';
import { SignatureFacts } from './SignatureFacts';
import { HelmPanel } from './HelmPanel';
import { VerdictDetails } from './VerdictDetails';
import { ReportActions } from './ReportActions';
import { PendingCard } from './PendingCard';
import { KeyTrust } from './KeyTrust';
import { nameOf, VerdictHeader, verdictAttributes } from './VerdictHeader';

const ArchiveBrowser = lazy(() => import('./browse/ArchiveBrowser'));

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
  // The verdict commits (and paints) first; the file browser follows in a render of its own:
  // building the tree of a 100,000-entry listing takes the thread for hundreds of ms.
  const listing = useDeferredValue(v ? (card.listing ?? null) : null, null);
  if (!v) return <PendingCard card={card} name={nameOf(card)} hidden={hidden} />;
  return (
    <article {...verdictAttributes(card, v)} hidden={hidden}>
      <VerdictHeader card={card} verdict={v} />
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
          <summary>Chart contents ({card.listing.table.count} entries)</summary>
          <Suspense fallback={<BrowserLoading />}>
            {listing ? (
              <ArchiveBrowser listing={listing} chart={card.chart ?? null} />
            ) : (
              <BrowserLoading />
            )}
          </Suspense>
        </details>
      ) : null}
    </article>
  );
});

function BrowserLoading() {
  return <p className="muted">Loading the file browser…</p>;
}

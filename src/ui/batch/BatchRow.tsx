// One row of the batch table. Each cell carries its column's label (data-label) for narrow
// screens, where rows are stacked (batch.css); a row signed by another key than most, and an
// unsigned chart among signed ones, stand out with a class and a visible marker.
import { memo, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { STATUS_WORDS } from '../../core/verdict/words';
import { ShortFingerprint } from '../Fingerprint';
import { pinSigner } from '../pin-link';
import type { Column, Row } from './batch-model';
import { useBatchView } from './batch-view';

const INDEX_WORDS: Record<string, string> = {
  match: 'digest matches',
  mismatch: 'DIGEST DIFFERS',
  'no-digest': 'no digest',
  'not-in-index': 'not listed',
};

/**
 * Shows the card whole (a big batch's are compact), brings it into view and moves the focus
 * there (keyboard users land on it).
 */
function openCard(id: string) {
  flushSync(() => useBatchView.getState().open(id));
  const card = document.getElementById(`card-${id}`);
  card?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  card?.focus({ preventScroll: true });
}

/** A cell; its label is shown (by CSS, from data-label) only where rows are stacked. */
function Cell({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <td className={className} data-label={label}>
      <div className="cell">{children}</div>
    </td>
  );
}

// memo: a repository's update re-renders only the rows whose card changed.
export const BatchRow = memo(function BatchRow({
  row: r,
  index,
  labels,
  withIndex,
  odd,
  pinned,
}: {
  row: Row;
  /** Its place among the rows shown (aria-rowindex counts the header row as 1). */
  index: number;
  labels: Record<Column, string>;
  withIndex: boolean;
  /** Signed by another key than most charts here. */
  odd: boolean;
  /** The pin is this row's signer already. */
  pinned: boolean;
}) {
  const classes = [odd ? 'odd-signer' : '', r.unsignedAmongSigned ? 'unsigned-flagged' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      data-testid="batch-row"
      data-status={r.status}
      className={classes || undefined}
      aria-rowindex={index + 2}
    >
      <Cell label={labels.chart}>
        <button type="button" className="link" onClick={() => openCard(r.id)}>
          {r.chart}
        </button>
      </Cell>
      <Cell label={labels.status} className={`status-${r.status}`}>
        {r.status === 'pending' ? 'Checking…' : STATUS_WORDS[r.status]}
        {r.reason ? <span className="muted"> ({r.reason})</span> : null}
        {r.keyTrust === 'contradicted' ? (
          <strong className="flag"> · ⚠ not the key the chart names</strong>
        ) : null}
      </Cell>
      <Cell label={labels.signer}>
        {r.signerFingerprint ? (
          <>
            {r.signerName ? <span className="signer-name">{r.signerName} </span> : null}
            <ShortFingerprint fpr={r.signerFingerprint} />
            {odd ? (
              <strong className="flag" data-testid="odd-signer">
                {' '}
                ⚠ another key than most
              </strong>
            ) : null}{' '}
            {pinned ? (
              <span className="muted">(pinned)</span>
            ) : (
              <button
                type="button"
                className="link"
                data-testid="pin-signer"
                aria-label={`Pin this signer: ${r.signerFingerprint}`}
                onClick={() => pinSigner(r.signerFingerprint!)}
              >
                pin
              </button>
            )}
          </>
        ) : r.unsignedAmongSigned ? (
          <strong className="flag" data-testid="unsigned-flag">
            ⚠ no .prov, while the other charts are signed
          </strong>
        ) : null}
      </Cell>
      <Cell label={labels.helm}>{r.helm}</Cell>
      {withIndex ? (
        <Cell label={labels.index} className={`index-${r.index}`}>
          {INDEX_WORDS[r.index] ?? ''}
        </Cell>
      ) : null}
    </tr>
  );
});

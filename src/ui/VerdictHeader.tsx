// What a decided card's element carries, whole (VerdictCard.tsx) or as a big batch's mark
// (VerdictMarks.tsx): the contract's data-* attributes (DEVELOPERS.md); and the whole card's
// header (icon, title, file name).
import type { Card } from '../state/store';
import type { Verdict } from '../core/verdict';
import { STATUS_WORDS } from '../core/verdict/words';

const ICONS = { verified: '✔', failed: '✖', unsigned: '○', 'no-key': '🔑', error: '⚠' } as const;
// A good signature by another key than the one the chart names is no plain success (amber).
const CONTRADICTED = { icon: '⚠', title: 'Signed by another key' } as const;

export const nameOf = (card: Card) => card.archive ?? card.prov ?? '';

export function verdictTitle(v: Verdict): string {
  return v.keyTrust === 'contradicted' ? CONTRADICTED.title : STATUS_WORDS[v.status];
}

/** The testing contract's attributes of a decided card (DEVELOPERS.md), as strings. */
export function contractAttributes(card: Card, v: Verdict): Record<`data-${string}`, string> {
  return {
    'data-testid': 'verdict',
    'data-status': v.status,
    'data-reason': v.reason ?? '',
    'data-warnings': v.warnings.join(' '),
    'data-signer-fingerprint': v.signer?.fingerprint ?? '',
    'data-chart': v.chart ?? '',
    'data-archive': nameOf(card),
    'data-helm': v.helm.v4.answer ?? '',
    'data-helm3': v.helm.v3.answer ?? '',
    'data-helm-install': v.helm.install.answer ?? '',
    'data-helm-keyring': v.helm.keyring ?? '',
    'data-key-trust': v.keyTrust ?? '',
  };
}

/** The whole card element's attributes: the testing contract, its id, class and label. */
export function verdictAttributes(card: Card, v: Verdict) {
  return {
    id: `card-${card.id}`,
    tabIndex: -1,
    className: `card status-${v.status}${v.keyTrust ? ` trust-${v.keyTrust}` : ''}`,
    ...contractAttributes(card, v),
    'aria-label': `${verdictTitle(v)}: ${nameOf(card)}`,
  };
}

export function VerdictHeader({ card, verdict: v }: { card: Card; verdict: Verdict }) {
  return (
    <header className="status">
      <span className="icon" aria-hidden="true">
        {v.keyTrust === 'contradicted' ? CONTRADICTED.icon : ICONS[v.status]}
      </span>
      <div>
        <h2>{verdictTitle(v)}</h2>
        <p className="subject">
          {nameOf(card)}
          {v.claimedChart ? <span className="muted"> · claims {v.claimedChart}</span> : null}
        </p>
      </div>
    </header>
  );
}

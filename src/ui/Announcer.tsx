// Tells screen reader users the outcome in one sentence per chart when the verdicts arrive,
// instead of reading out whole cards. The live region is always in the DOM so that its
// change is announced.
import { useStore, type Card } from '../state/store';
import { STATUS_WORDS } from '../core/verdict/words';

function sentence({ verdict: v, archive, prov }: Card): string {
  if (!v) return '';
  // A good signature by another key than the chart names is said as a warning, not a success.
  if (v.keyTrust === 'contradicted') return `${archive ?? ''}: ${v.headline}`;
  if (v.status === 'verified') {
    const chart = (v.chart ?? archive ?? '').replace('@', ' ');
    const by = v.signer?.userId ?? v.signer?.fingerprint ?? 'an unknown signer';
    const warnings = v.warnings.length
      ? `, with ${v.warnings.length} warning${v.warnings.length > 1 ? 's' : ''}`
      : '';
    return `${STATUS_WORDS.verified}: ${chart} signed by ${by}${warnings}.`;
  }
  return `${STATUS_WORDS[v.status]}: ${archive ?? prov ?? ''}. ${v.headline}`;
}

export function announcement(cards: Card[]): string {
  if (cards.length === 0 || cards.some((c) => !c.verdict)) return '';
  if (cards.length <= 3) return cards.map(sentence).join(' ');
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(c.verdict!.status, (counts.get(c.verdict!.status) ?? 0) + 1);
  const parts = [...counts].map(([s, n]) => `${n} ${STATUS_WORDS[s as keyof typeof STATUS_WORDS]}`);
  return `${cards.length} charts checked: ${parts.join(', ')}.`;
}

export function Announcer() {
  const text = useStore((s) => announcement(s.cards));
  return (
    <div className="visually-hidden" role="status" data-testid="announcer">
      {text}
    </div>
  );
}

import { useStore } from '../state/store';
import { DropZone } from './DropZone';
import { FileList } from './FileList';
import { KeyPaste } from './KeyPaste';
import { SampleButton } from './SampleButton';
import { VerdictCard } from './VerdictCard';
import { VerdictMarks } from './VerdictMarks';
import { EmptyState } from './EmptyState';
import { PinField } from './PinField';
import { Settings } from './Settings';
import { FolderPicker } from './folder-drop';
import { BatchTable } from './batch/BatchTable';
import { isBatch } from './batch/batch-model';
import {
  cardsInTableOrder,
  FULL_CARDS_UP_TO,
  useBatchView,
  useTableOrder,
} from './batch/batch-view';
import { Announcer } from './Announcer';
import { OfflineStatus } from './OfflineStatus';
import { PrivacyPanel } from './PrivacyPanel';
import { SignView } from './sign/SignView';
import { SIGN_HASH, useSignRoute } from './sign/sign-route';

export function App() {
  const signing = useSignRoute();
  // Not the cards themselves: a repository's answers update them every frame, and all of the
  // page below would render again with each.
  const noCards = useStore((s) => s.cards.length === 0);
  const files = useStore((s) => s.files);
  const arriving = useStore((s) => s.arriving > 0);
  const reset = useStore((s) => s.reset);
  const batch = useStore((s) => isBatch(s.cards.length, Boolean(s.summary?.index)));
  return (
    <DropZone>
      <header className="top">
        <h1>
          <img src="./favicon.svg" alt="" width="28" height="28" /> chartproof
        </h1>
        <p className="tagline">
          Check a signed Helm chart in your browser. Nothing is installed, nothing is sent anywhere.
        </p>
        <OfflineStatus />
        <a className="view-link" href={signing ? '#' : SIGN_HASH} data-testid="view-switch">
          {signing ? 'Verify a chart' : 'Sign a chart'}
        </a>
      </header>
      {signing ? <SignView /> : null}
      {/* The verify view stays mounted (and keeps its files) while the Sign view is shown. */}
      <main hidden={signing}>
        {/* A batch's results come first; the inputs (and the collapsed file list) after them. */}
        {batch ? <BatchTable /> : null}
        <section className="inputs" aria-label="Your files">
          <div className="actions">
            <DropZone.Picker />
            <FolderPicker />
            <SampleButton />
            <button
              type="button"
              data-testid="reset"
              onClick={reset}
              disabled={files.length === 0 && !arriving}
            >
              Reset
            </button>
          </div>
          <KeyPaste />
          <PinField />
          <Settings />
          <FileList />
        </section>
        {noCards && files.length === 0 && !arriving ? <EmptyState /> : null}
        <Announcer />
        <section className="cards" aria-label="Verdicts">
          {batch ? <BatchCards /> : <Cards />}
        </section>
      </main>
      <footer>
        Works offline after the first visit · your files stay in this tab and are gone on reset or
        reload ·{' '}
        <a href="https://helm.sh/docs/topics/provenance/" rel="noreferrer noopener" target="_blank">
          Helm provenance docs
        </a>
        <PrivacyPanel />
      </footer>
    </DropZone>
  );
}

function Cards() {
  const cards = useStore((s) => s.cards);
  return cards.map((c) => <VerdictCard key={c.id} card={c} />);
}

/**
 * A batch's cards in the table's order; those its filter leaves out stay in the DOM, hidden.
 * Past FULL_CARDS_UP_TO charts, a card is shown whole once opened (from its row); the others
 * are marks: the contract's element and attributes, hidden (VerdictMarks.tsx).
 */
function BatchCards() {
  const cards = useStore((s) => s.cards);
  const { setFilter, opened } = useBatchView();
  const order = useTableOrder();
  const marks = cards.length > FULL_CARDS_UP_TO;
  const { shown, left } = cardsInTableOrder(cards, order, marks ? opened : undefined);
  return (
    <>
      {marks ? (
        <p className="muted" data-testid="cards-on-demand">
          {opened.size === 0
            ? `Choose a chart in the table to see its whole card here.`
            : `The cards you opened from the table; choose another chart to add its card.`}
        </p>
      ) : left.length > 0 ? (
        <p className="muted" data-testid="cards-filtered">
          Showing the {shown.length} of {cards.length} charts the table’s filter shows.{' '}
          <button type="button" className="link" onClick={() => setFilter('all')}>
            Show all
          </button>
        </p>
      ) : null}
      {/* One list, so a card moving in or out of the filter keeps its DOM (and its browser). */}
      {[...shown, ...left].map((c, i) => (
        <VerdictCard key={c.id} card={c} hidden={i >= shown.length} />
      ))}
      {marks ? <VerdictMarks /> : null}
    </>
  );
}

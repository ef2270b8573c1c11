// "Copy report" (Helm's output + our summary, for an issue or a review) and "Download JSON"
// (docs/report.md) for one card; DownloadAllReports for every finished card at once.
import { useRef, useState } from 'react';
import { jsonReport, REPORT_SCHEMA_PATH, subjectOf, type ReportCard } from '../core/verdict/report';
import { helmReport } from '../core/verdict/text-report';
import { useStore, type Card } from '../state/store';
import { saveFile } from './download';
import './report.css';

/** The schema's copy shipped with this page, for the report's $schema (docs/report.md). */
const schemaUrl = () => new URL(REPORT_SCHEMA_PATH, document.baseURI).href;

function download(name: string, data: unknown) {
  saveFile(name, new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' }));
}

/** chartproof-report-NAME-VERSION.json (or the archive's name), safe as a file name. */
export function reportFileName(card: ReportCard): string {
  const base = card.verdict.chart?.replace('@', '-') ?? subjectOf(card).replace(/\.tgz$/i, '');
  return `chartproof-report-${base.replace(/[^A-Za-z0-9._+-]+/g, '_')}.json`;
}

export function ReportActions({ card }: { card: ReportCard }) {
  const [copied, setCopied] = useState(false);
  const [fallback, setFallback] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  const copy = async () => {
    const text = helmReport(card);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setFallback(null);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard denied (permissions, insecure context): let the user copy by hand.
      setFallback(text);
      requestAnimationFrame(() => area.current?.select());
    }
  };
  const save = async () => {
    const report = jsonReport([card], { schemaUrl: schemaUrl() });
    download(reportFileName(card), report);
  };

  return (
    <div className="report-actions">
      <div className="actions">
        <button type="button" className="small" data-testid="copy-report" onClick={copy}>
          {copied ? 'Copied' : 'Copy report'}
        </button>
        <button type="button" className="small" data-testid="download-json" onClick={save}>
          Download JSON
        </button>
      </div>
      {fallback !== null ? (
        <label className="report-fallback">
          <span className="muted">The clipboard is not available here: copy the report below.</span>
          <textarea
            ref={area}
            readOnly
            rows={Math.min(20, fallback.split('\n').length)}
            value={fallback}
            data-testid="report-text"
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      ) : null}
    </div>
  );
}

/** One JSON report of every finished card; shown only when there is more than one. */
export function DownloadAllReports() {
  const cards = useStore((s) => s.cards);
  const done = cards.filter((c): c is Card & ReportCard => c.verdict !== null);
  if (done.length < 2 || done.length !== cards.length) return null;
  const save = async () => {
    download('chartproof-report-all.json', jsonReport(done, { schemaUrl: schemaUrl() }));
  };
  return (
    <div className="actions report-all">
      <button type="button" className="small" data-testid="download-all-json" onClick={save}>
        Download all (JSON)
      </button>
    </div>
  );
}

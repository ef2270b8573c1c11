// What a dropped repository index.yaml says against the archives given: digests that differ,
// entries whose archive is missing, archives the index does not list; and files left alone.
import type { DropSummary } from '../../core/verdict/evaluate';

function NameList({ title, names }: { title: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <details>
      <summary>
        {title} ({names.length})
      </summary>
      <ul className="names">
        {names.slice(0, 500).map((n) => (
          <li key={n}>{n}</li>
        ))}
        {names.length > 500 ? <li className="muted">…and {names.length - 500} more</li> : null}
      </ul>
    </details>
  );
}

export function IndexSummaryPanel({ summary }: { summary: DropSummary }) {
  const { index, indexError, ignored } = summary;
  return (
    <div className="index-summary" data-testid="index-summary">
      {indexError ? <p className="bad">{indexError}</p> : null}
      {index ? (
        <>
          <p>
            <strong>{index.name}</strong> lists {index.entries} chart versions.{' '}
            {index.mismatched.length > 0 ? (
              <strong className="bad" data-testid="index-mismatch">
                {index.mismatched.length} archive(s) differ from the digest the index gives.
              </strong>
            ) : (
              'Every archive given that it lists matches its digest.'
            )}
          </p>
          <NameList title="Digest differs" names={index.mismatched} />
          <NameList title="In the index, not given" names={index.missing} />
          <NameList title="Given, not in the index" names={index.unlisted} />
        </>
      ) : null}
      <NameList title="Files left alone (not a chart, prov, key or index)" names={ignored} />
    </div>
  );
}

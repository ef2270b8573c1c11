import { groupFingerprint } from '../core/text';
import { useSiteKeys } from '../state/shipped-keys';

export function EmptyState() {
  const site = useSiteKeys();
  const summaries = site.files.flatMap((f) => f.keys);
  // With a list of accepted signers, only those keys are the publisher's.
  const shown = site.signers.length
    ? summaries.filter((k) => site.signers.includes(k.fingerprint))
    : summaries;
  const shipped = site.status === 'ready' && site.files.length > 0;
  return (
    <section className="empty" aria-label="How to use chartproof">
      <SiteKeyProblems />
      {shipped ? (
        <p data-testid="shipped-keys">
          <strong>This site ships the publisher’s key{shown.length === 1 ? '' : 's'}:</strong>{' '}
          {shown.length
            ? shown.map((k, i) => (
                <span key={k.fingerprint}>
                  {i ? '; ' : ''}
                  {k.userId ? `${k.userId}, ` : ''}
                  <span className="mono">{groupFingerprint(k.fingerprint)}</span>
                </span>
              ))
            : site.files.map((f) => f.name).join(', ')}{' '}
          — drop only the chart and its <code>.prov</code>.
        </p>
      ) : null}
      {site.signers.length ? (
        <p data-testid="site-signers">
          Only charts signed by{' '}
          {site.signers.length === 1 ? 'this key' : `one of these ${site.signers.length} keys`} are
          accepted here
          {shown.length === site.signers.length
            ? ''
            : `: ${site.signers.map(groupFingerprint).join(', ')}`}
          . To check a chart from someone else, enter its signer’s fingerprint under “Expected
          signer” and add their key.
        </p>
      ) : null}
      <ol>
        <li>
          <strong>The chart</strong> — the <code>NAME-VERSION.tgz</code> you downloaded.
        </li>
        <li>
          <strong>Its provenance</strong> — the <code>NAME-VERSION.tgz.prov</code> published next to
          it: the publisher’s signature over the chart’s SHA-256.
        </li>
        {shipped ? (
          <li>
            <strong>The publisher’s public key</strong> — already here, shipped with this site.
          </li>
        ) : (
          <li>
            <strong>The publisher’s public key</strong> — armored (<code>.asc</code>), binary (
            <code>gpg --export</code>), a keyring or GnuPG’s <code>pubring.kbx</code>.
          </li>
        )}
      </ol>
      <p>
        Drop {shipped ? 'them' : 'all three'} anywhere on this page, or choose them. You will see
        who signed, with which key, whether the bytes are exactly what was signed, and whether{' '}
        <code>helm verify</code> would accept them.
      </p>
    </section>
  );
}

/** A refused index.json or an unreadable key file of this site's, said plainly. */
export function SiteKeyProblems() {
  const problems = useSiteKeys((k) => k.problems);
  if (problems.length === 0) return null;
  return (
    <div role="alert" data-testid="site-keys-problem">
      {problems.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </div>
  );
}

export function EmptyState() {
  return (
    <section className="empty" aria-label="How to use chartproof">
      <ol>
        <li>
          <strong>The chart</strong> — the <code>NAME-VERSION.tgz</code> you downloaded.
        </li>
        <li>
          <strong>Its provenance</strong> — the <code>NAME-VERSION.tgz.prov</code> published next to
          it: the publisher’s signature over the chart’s SHA-256.
        </li>
        <li>
          <strong>The publisher’s public key</strong> — armored (<code>.asc</code>), binary (
          <code>gpg --export</code>), a keyring or GnuPG’s <code>pubring.kbx</code>.
        </li>
      </ol>
      <p>
        Drop all three anywhere on this page, or choose them. You will see who signed, with which
        key, whether the bytes are exactly what was signed, and whether <code>helm verify</code>{' '}
        would accept them.
      </p>
    </section>
  );
}

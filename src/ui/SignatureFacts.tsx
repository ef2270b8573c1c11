import type { Verdict } from '../core/verdict/types';
import { groupFingerprint } from '../core/text';

function date(iso: string | null): string {
  return iso
    ? new Date(iso)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC')
    : 'unknown';
}

const MATCH_WORDS = {
  name: 'matches the prov’s entry for this file',
  hash: 'matches the prov’s entry for another file name',
  mismatch: 'DIFFERS from the prov’s entry',
  'not-listed': 'is not listed in the prov',
} as const;

export function SignatureFacts({ verdict: v }: { verdict: Verdict }) {
  const s = v.signer;
  // Publisher mode: the expectation is the site's own list of accepted signers.
  const bySite = v.pin?.source === 'site';
  return (
    <dl className="facts">
      {v.pin ? (
        <>
          <dt>{bySite ? 'Signers this site accepts' : 'Pinned signer'}</dt>
          <dd
            className={
              v.pin.matched === false ? 'match-mismatch' : v.pin.matched ? 'match-name' : ''
            }
            data-testid="pin-result"
          >
            {v.pin.matched === null
              ? 'not checked (no valid signature yet)'
              : v.pin.matched
                ? 'matches'
                : bySite
                  ? 'NOT SIGNED BY ONE OF THEM:'
                  : 'DOES NOT MATCH'}{' '}
            {v.pin.fingerprints.map((f, i) => (
              <span key={f} className="mono">
                {i ? ', ' : ''}
                {groupFingerprint(f)}
              </span>
            ))}
            {bySite && v.pin.matched === false ? (
              <span className="muted">
                {' '}
                — this copy of chartproof only accepts charts signed by its publisher’s keys; enter
                another fingerprint under “Expected signer” to check a different signer.
              </span>
            ) : null}
          </dd>
        </>
      ) : null}
      {s ? (
        <>
          <dt>Signed by</dt>
          <dd>{s.userId ?? '(no user ID on the key)'}</dd>
          <dt>Key fingerprint</dt>
          <dd className="mono" data-testid="fingerprint">
            {groupFingerprint(s.fingerprint)}
            {s.signingKeyFingerprint !== s.fingerprint ? (
              <span className="muted">
                {' '}
                (signed with subkey {groupFingerprint(s.signingKeyFingerprint)})
              </span>
            ) : null}
          </dd>
          {/* algorithm and dates are the signing key's: say so when that is a subkey */}
          <dt>{s.signingKeyFingerprint !== s.fingerprint ? 'Signing subkey' : 'Key'}</dt>
          <dd>
            {s.algorithm}, created {date(s.keyCreated)}
            {s.expires
              ? `, ${new Date(s.expires) <= new Date() ? 'expired' : 'expires'} ${date(s.expires)}`
              : ', does not expire'}
            {v.revocation ? (
              <strong data-testid="revocation">
                {' '}
                · revoked{v.revocation.date ? ` ${date(v.revocation.date)}` : ''} (
                {v.revocation.reason})
              </strong>
            ) : null}
            {s.origin === 'shipped' ? (
              <span data-testid="signer-origin" data-origin="shipped">
                {' '}
                · key shipped with this site <span className="muted">({s.source})</span>
              </span>
            ) : s.source ? (
              <span className="muted" data-testid="signer-origin" data-origin={s.origin}>
                {' '}
                · from {s.source}
              </span>
            ) : null}
          </dd>
        </>
      ) : null}
      {v.signature ? (
        <>
          {!s ? (
            <>
              <dt>Signing key ID</dt>
              <dd className="mono">
                {v.signature.issuerFingerprint
                  ? groupFingerprint(v.signature.issuerFingerprint)
                  : v.signature.keyId}
              </dd>
            </>
          ) : null}
          <dt>Signed on</dt>
          <dd>{date(v.signature.created)}</dd>
          <dt>Signature hash</dt>
          <dd>{v.signature.hashAlgorithm}</dd>
        </>
      ) : null}
      {v.archive ? (
        <>
          <dt>Archive SHA-256</dt>
          <dd className="mono break" data-testid="archive-sha256">
            {v.archive.sha256 || 'not computed'}
            {v.hash.match ? (
              <span className={`match-${v.hash.match}`}> — {MATCH_WORDS[v.hash.match]}</span>
            ) : null}
          </dd>
          {v.hash.expected && v.hash.expected !== v.archive.sha256 ? (
            <>
              <dt>Prov expects</dt>
              <dd className="mono break">{v.hash.expected}</dd>
            </>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}

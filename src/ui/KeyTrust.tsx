// What vouches for the key that signed a verified chart (verdict.keyTrust, the card's
// data-key-trust), said at the top of the card: the pin, the site, the chart's own
// artifacthub.io/signKey — or nothing yet (compare the fingerprint, then pin it), or a chart
// that names another key than the one that signed (an impostor with a look-alike user ID).
import type { Verdict } from '../core/verdict/types';
import { groupFingerprint } from '../core/text';
import { CopyButton } from './CopyButton';
import { pinSigner } from './pin-link';
import './trust.css';

type Trust = NonNullable<Verdict['keyTrust']>;

const VOUCHED: Partial<Record<Trust, string>> = {
  pinned: 'matches the signer you pinned',
  site: 'a key this site ships (its publisher’s own)',
  named: 'the key this chart’s own artifacthub.io/signKey names',
};

export function KeyTrust({ verdict: v }: { verdict: Verdict }) {
  const trust = v.keyTrust;
  const signer = v.signer?.fingerprint;
  if (!trust || !signer) return null;
  if (trust === 'contradicted') return <Contradicted named={v.namedSigner} signer={signer} />;
  if (trust === 'unconfirmed') return <Unconfirmed signer={signer} />;
  return (
    <p className="key-trust" data-testid="key-trust">
      <span className="trust-mark" aria-hidden="true">
        ✔
      </span>{' '}
      <strong>Key:</strong> {VOUCHED[trust]}
      {trust === 'named' ? (
        <span className="muted">
          {' '}
          — the chart vouches for itself here; the publisher’s own page says for sure.
        </span>
      ) : null}
    </p>
  );
}

function Unconfirmed({ signer }: { signer: string }) {
  const grouped = groupFingerprint(signer);
  return (
    <div className="key-trust unconfirmed" data-testid="key-trust">
      <p>
        <strong>Key: nothing vouches for it yet.</strong> The signature is good, but anyone can make
        a key with any name: compare this fingerprint with the publisher’s own page or Artifact Hub.
      </p>
      <div className="fpr-block">
        <code className="fpr" data-testid="trust-fingerprint">
          {grouped}
        </code>
        <div className="actions">
          <CopyButton text={signer} label="Copy fingerprint" />
          <button
            type="button"
            className="small"
            data-testid="pin-signer"
            onClick={() => pinSigner(signer)}
          >
            Pin this signer
          </button>
        </div>
      </div>
      <p className="muted small">
        Pinning puts it under “Expected signer” and in this page’s link (#fingerprint=…): a chart
        signed by any other key then fails.
      </p>
    </div>
  );
}

function Contradicted({ named, signer }: { named: string | null; signer: string }) {
  return (
    <div className="key-trust contradicted" data-testid="key-trust" role="note">
      <p>
        <strong>The chart names another key than the one that signed it.</strong> A key’s name (its
        user ID) proves nothing; only the fingerprint does. Do not install this chart until the
        publisher confirms which key is theirs.
      </p>
      <dl className="fpr-pair">
        <div>
          <dt>The chart names (artifacthub.io/signKey)</dt>
          <dd className="fpr" data-testid="named-signer">
            {named ? groupFingerprint(named) : 'another key'}
          </dd>
        </div>
        <div>
          <dt>Signed by</dt>
          <dd className="fpr" data-testid="actual-signer">
            {groupFingerprint(signer)}
          </dd>
        </div>
      </dl>
    </div>
  );
}

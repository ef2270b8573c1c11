// "Expected signer": a fingerprint the user (or a publisher's link) pins. Any other
// signer then fails with fingerprint-mismatch. The page's link follows the pin (pin-link.ts).
import { useStore } from '../state/store';
import { parsePin } from '../core/keys/pin';
import { groupFingerprint } from '../core/text';
import { useSiteKeys } from '../state/shipped-keys';
import { usePinLink } from './pin-link';

export function PinField() {
  const pinText = useStore((s) => s.pinText);
  const setPin = useStore((s) => s.setPin);
  const pin = parsePin(pinText);
  const siteSigners = useSiteKeys((k) => k.signers.length);
  usePinLink();
  return (
    <div className="pin">
      <label htmlFor="pin">Expected signer fingerprint (optional)</label>
      <input
        id="pin"
        data-testid="pin"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder="e.g. 5E61 5389 B53C A37F 0EE6  0BD3 843B BF98 1FC1 8762"
        value={pinText}
        onChange={(e) => setPin(e.target.value)}
        aria-describedby="pin-note"
      />
      <p id="pin-note" className="muted small" role={pin?.kind === 'invalid' ? 'alert' : undefined}>
        {pin === null
          ? siteSigners
            ? 'This site accepts only charts signed by its publisher’s keys; a fingerprint here replaces that list.'
            : 'Pin the publisher’s key: a chart signed by any other key then fails.'
          : pin.kind === 'fingerprint'
            ? `Pinned: ${groupFingerprint(pin.value)}`
            : pin.kind === 'key-id'
              ? `Pinned by long key ID ${pin.value} — weaker than a full fingerprint (64-bit IDs can be forged with effort).`
              : 'Not a fingerprint: enter 40 hex digits (spaces allowed) or a 16-digit long key ID.'}
      </p>
    </div>
  );
}

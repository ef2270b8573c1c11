// The expected signer ("pinning"): a fingerprint a publisher links to or a user types.
// Accepts spaces, lower case, a 0x prefix, or a 16-hex long key ID (weaker: 64 bits can
// be collided with effort, so the page says so).

export type Pin =
  | { kind: 'fingerprint'; value: string }
  | { kind: 'key-id'; value: string }
  | { kind: 'invalid'; input: string };

export function parsePin(input: string): Pin | null {
  const compact = input.replace(/\s+/g, '').replace(/^0x/i, '').toUpperCase();
  if (compact === '') return null;
  if (/^[0-9A-F]{40}$/.test(compact) || /^[0-9A-F]{64}$/.test(compact)) {
    return { kind: 'fingerprint', value: compact };
  }
  if (/^[0-9A-F]{16}$/.test(compact)) return { kind: 'key-id', value: compact };
  return { kind: 'invalid', input };
}

/** The pin from a link such as https://…/chartproof/#fingerprint=ABCD… */
export function pinFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get('fingerprint') ?? params.get('fpr');
}

/**
 * Who expects which signer: the user (a pin typed or linked) or the site (the fingerprints
 * its publisher ships). Fingerprints are 40 or 64 hex digits, or 16-hex long key IDs.
 */
export interface Expectation {
  source: 'user' | 'site';
  fingerprints: string[];
}

/** The signer matches one of the expected fingerprints (a key ID matches its fingerprint's tail). */
export function expects(e: Expectation, fingerprint: string): boolean {
  return e.fingerprints.some((p) =>
    p.length === 16 ? fingerprint.endsWith(p) : fingerprint === p,
  );
}

/** The value the rules compare against, or null when there is no usable pin. */
export function pinValue(pin: Pin | null): string | null {
  return pin && pin.kind !== 'invalid' ? pin.value : null;
}

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

/** The value the rules compare against, or null when there is no usable pin. */
export function pinValue(pin: Pin | null): string | null {
  return pin && pin.kind !== 'invalid' ? pin.value : null;
}

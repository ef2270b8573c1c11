// Why the signer refuses: one error type with a code the page can branch on and a message
// that is either Helm's own (what `helm package --sign` prints after "Error: ") or ours when
// Helm has nothing clear to say. `helm` says which, so the page can label it.

export type SignErrorCode =
  /** The folder is no chart Helm would package (no Chart.yaml, bad metadata, bad files). */
  | 'invalid-chart'
  /** Chart.yaml, Chart.lock or values.yaml is not YAML Helm reads. */
  | 'yaml'
  /** The .tgz given is no chart archive Helm loads. */
  | 'invalid-archive'
  /** The key file holds no secret key, or none matches the choice. */
  | 'no-secret-key'
  /** Several keys match the choice, as with `--key NAME` matching more than one. */
  | 'ambiguous-key'
  /** The passphrase is missing or wrong. */
  | 'passphrase'
  /** The key cannot sign now: expired, revoked, no signing capability, weak, stubbed. */
  | 'unusable-key'
  /** Anything else that went wrong while signing. */
  | 'failed';

export class SignError extends Error {
  override readonly name = 'SignError';
  constructor(
    readonly code: SignErrorCode,
    message: string,
    /** The message is Helm's own wording. */
    readonly helm = false,
  ) {
    super(message);
  }
}

/** An error in Helm's own words. */
export class HelmError extends SignError {
  constructor(code: SignErrorCode, message: string) {
    super(code, message, true);
  }
}

// What each Helm version loads from the keyring it is handed (`openpgp.ReadKeyRing`, the
// same loop in golang.org/x/crypto for Helm 3.17 and ProtonMail/go-crypto v1 for Helm 4):
// binary packets only; a key that cannot be read is skipped, and only when no key at all
// loads does the last skip become "failed to load keyring: …". The ring itself is what a
// user is told to make (`gpg --export` of every key given), or a key file as it is.

import { enums, type PublicKey } from 'openpgp';
import type { KeyFileReport, SuppliedKey } from '../keys/keyring';
import { validMaths } from '../keys/maths';
import { walkKeyFile } from './packet-walk';

export type HelmVersion = 3 | 4;

/** What one Helm version made of a ring: the keys it loaded, or why it loaded none. */
export interface LoadedRing {
  keys: SuppliedKey[];
  /** Helm's message when the ring failed to load (whole, as printed after "Error: "). */
  error: string | null;
  /** The ring failed because every key uses an algorithm or curve this version cannot read. */
  unsupported?: boolean;
}

/**
 * The ring Helm is handed: the given keys exported as one binary keyring, as gpg does; or a
 * key file as it is, when it holds no key we read as binary packets (armor, a keybox, junk).
 */
export type Handed = { kind: 'ring'; keys: SuppliedKey[] } | { kind: 'bytes'; bytes: Uint8Array };

/** Our own wording of Go's UnsupportedError (we write these messages, so we may read them). */
const UNSUPPORTED = 'unsupported feature: ';

/**
 * gpg imports every key that has a user ID and exports their public parts; when it imports
 * nothing at all, Helm is handed the first key file as it is (helm-reference.py does so).
 */
export function handedRing(files: KeyFileReport[], keys: SuppliedKey[], raw: Uint8Array[]): Handed {
  const importable = keys.filter((k) => k.key.users.some((u) => u.userID));
  if (importable.length > 0) return { kind: 'ring', keys: importable };
  return fileAsGiven(files[0]!, raw[0]!);
}

/** One key file handed over exactly as given. */
export function fileAsGiven(file: KeyFileReport, bytes: Uint8Array): Handed {
  return file.format === 'binary' && file.keys.length > 0
    ? { kind: 'ring', keys: file.keys }
    : { kind: 'bytes', bytes };
}

export async function loadRing(handed: Handed, version: HelmVersion): Promise<LoadedRing> {
  if (handed.kind === 'bytes') {
    // Armored text and keyboxes fail at once: their first byte has its high bit clear.
    const error = walkKeyFile(handed.bytes, version);
    return { keys: [], error: error ? `failed to load keyring: ${error}` : null };
  }
  const loaded: SuppliedKey[] = [];
  let last: string | null = null;
  const keys = handed.keys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const problem =
      (version === 3 ? goXReadProblem(k.key, keys[i + 1]?.key) : null) ??
      (await entityProblem(k.key, version));
    if (problem) last = problem;
    else loaded.push(k);
    // After a failure Go skips to the next primary key it can parse.
    if (version === 3 && problem)
      while (keys[i + 1] && unsupportedInGoX(keys[i + 1]!.key.keyPacket)) i++;
  }
  if (loaded.length === 0 && last) {
    const unsupported = last.includes(UNSUPPORTED);
    return { keys: [], error: `failed to load keyring: ${last}`, unsupported };
  }
  return { keys: loaded, error: null };
}

/**
 * golang.org/x/crypto reads a ring packet by packet and fails on the first packet it cannot
 * parse, wherever it is: a key whose primary it cannot read fails on its own, but a key
 * followed by such a key fails too (the unreadable packet turns up while it reads that key's
 * last signatures), with the error wrapped when that was a subkey's binding.
 */
function goXReadProblem(key: PublicKey, next: PublicKey | undefined): string | null {
  const primary = unsupportedInGoX(key.keyPacket);
  if (primary) return `openpgp: ${UNSUPPORTED}${primary}`;
  let afterSubkey = false;
  for (const sub of key.subkeys) {
    const problem = unsupportedInGoX(sub.keyPacket);
    if (problem) return readError(problem, afterSubkey);
    afterSubkey = true;
  }
  const following = next ? unsupportedInGoX(next.keyPacket) : null;
  return following ? readError(following, afterSubkey) : null;
}

function readError(problem: string, afterSubkey: boolean): string {
  const raw = `openpgp: ${UNSUPPORTED}${problem}`;
  return afterSubkey ? `openpgp: invalid data: subkey signature invalid: ${raw}` : raw;
}

const cache = new WeakMap<PublicKey, Map<HelmVersion, Promise<string | null>>>();

/** Why ReadEntity skips this key in that version (its error text), or null when it loads. */
function entityProblem(key: PublicKey, version: HelmVersion): Promise<string | null> {
  let byVersion = cache.get(key);
  if (!byVersion) cache.set(key, (byVersion = new Map()));
  let found = byVersion.get(version);
  if (!found) byVersion.set(version, (found = computeProblem(key, version)));
  return found;
}

async function computeProblem(key: PublicKey, version: HelmVersion): Promise<string | null> {
  if (!key.users.some((u) => u.userID)) {
    return version === 3
      ? 'openpgp: invalid data: entity without any identities'
      : 'openpgp: invalid data: v4 entity without any identities';
  }
  // Both readers refuse a signing subkey whose binding carries no valid back-signature.
  for (const sub of key.subkeys) {
    const data = { key: key.keyPacket, bind: sub.keyPacket };
    for (const binding of sub.bindingSignatures) {
      const signs = ((binding.keyFlags?.[0] ?? 0) & enums.keyFlags.signData) !== 0;
      if (!signs) continue;
      const back = binding.embeddedSignature;
      const ok =
        back !== null && (await validMaths(back, sub.keyPacket, enums.signature.keyBinding, data));
      if (!ok) {
        return 'openpgp: invalid data: subkey signature invalid: openpgp: invalid data: signing subkey is missing cross-signature';
      }
    }
  }
  // Every key revocation must verify against the key itself: a designated revoker's is
  // "signed by alternate key" to Go, and the whole key is dropped.
  for (const rev of key.revocationSignatures) {
    const ok =
      rev.issuerKeyID.equals(key.keyPacket.getKeyID()) &&
      (await validMaths(rev, key.keyPacket, enums.signature.keyRevocation, { key: key.keyPacket }));
    if (!ok) return 'openpgp: invalid data: revocation signature signed by alternate key';
  }
  return null;
}

type KeyPacket = PublicKey['keyPacket'] | PublicKey['subkeys'][number]['keyPacket'];

/** NIST curves are all golang.org/x/crypto reads; the OID reader takes at most 8 bytes. */
const GO_X_CURVES = new Set(['2a8648ce3d030107', '2b81040022', '2b81040023']);

/** golang.org/x/crypto's error for a public key packet it cannot parse, or null. */
function unsupportedInGoX(packet: KeyPacket): string | null {
  const alg = packet.algorithm;
  if (
    alg === enums.publicKey.rsaEncryptSign ||
    alg === enums.publicKey.rsaEncrypt ||
    alg === enums.publicKey.rsaSign ||
    alg === enums.publicKey.dsa ||
    alg === enums.publicKey.elgamal
  ) {
    return null;
  }
  if (alg === enums.publicKey.ecdsa || alg === enums.publicKey.ecdh) {
    const oid = (packet.publicParams as { oid?: { oid: Uint8Array; toHex(): string } }).oid;
    if (!oid) return `public key type: ${alg}`;
    if (oid.oid.length > 8) return `invalid oid length: ${oid.oid.length}`;
    return GO_X_CURVES.has(oid.toHex()) ? null : `unsupported oid: ${oid.toHex()}`;
  }
  return `public key type: ${alg}`;
}

// The secret keys in a key file, in the forms maintainers have them: ASCII armor (one or more
// "PRIVATE KEY BLOCK"s, as `gpg --export-secret-keys --armor` writes), binary exports and
// GnuPG 1's secring.gpg. A file with public keys only gets Helm's answer. Choosing among
// several keys works like `helm package --sign --key NAME` (a user ID that equals NAME, else
// the one that contains it), and also by fingerprint or key ID. Runs only in the signer worker.

import { readKeys, readPrivateKeys, type PartialConfig, type PrivateKey } from 'openpgp';
import { goQuote } from '../helm';
import { HelmError, SignError } from './errors';

/** openpgp.js reads GnuPG's exports as gpg does: long user IDs, unknown packets skipped. */
export const READ_CONFIG: PartialConfig = {
  ignoreUnsupportedPackets: true,
  maxUserIDLength: 1 << 20,
};

const BLOCK =
  /-----BEGIN PGP (PRIVATE|PUBLIC) KEY BLOCK-----[\s\S]*?-----END PGP \1 KEY BLOCK-----/g;
/** Helm 4's answer when the key ring has no secret key (provenance/sign.go). */
export const NOT_PRIVATE =
  'provided key is not a private key. Try providing a keyring with secret keys';

export async function readSecretKeys(bytes: Uint8Array): Promise<PrivateKey[]> {
  const text = looksArmored(bytes) ? new TextDecoder().decode(bytes) : null;
  if (text !== null) return readArmored(text);
  if (isKeybox(bytes)) {
    throw new SignError(
      'no-secret-key',
      'This is a GnuPG keybox (pubring.kbx): it holds public keys only. Export the secret key with gpg --export-secret-keys KEY > secring.gpg.',
    );
  }
  try {
    const keys = await readPrivateKeys({ binaryKeys: bytes, config: READ_CONFIG });
    if (keys.length > 0) return keys;
  } catch {
    // Either public keys only (answered below) or no OpenPGP data at all.
  }
  if (await holdsPublicKeys(() => readKeys({ binaryKeys: bytes, config: READ_CONFIG }))) {
    throw new HelmError('no-secret-key', NOT_PRIVATE);
  }
  throw new SignError('no-secret-key', 'This file holds no OpenPGP key.');
}

async function readArmored(text: string): Promise<PrivateKey[]> {
  const keys: PrivateKey[] = [];
  let publicBlocks = 0;
  for (const [block, kind] of text.matchAll(BLOCK)) {
    if (kind === 'PUBLIC') {
      publicBlocks++;
      continue;
    }
    try {
      keys.push(...(await readPrivateKeys({ armoredKeys: block, config: READ_CONFIG })));
    } catch (e) {
      throw new SignError(
        'no-secret-key',
        `The secret key block cannot be read: ${(e as Error).message}`,
      );
    }
  }
  if (keys.length > 0) return keys;
  if (publicBlocks > 0) throw new HelmError('no-secret-key', NOT_PRIVATE);
  throw new SignError('no-secret-key', 'This file holds no armored OpenPGP key block.');
}

async function holdsPublicKeys(read: () => Promise<unknown[]>): Promise<boolean> {
  try {
    return (await read()).length > 0;
  } catch {
    return false;
  }
}

function looksArmored(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return head.includes('-----BEGIN PGP');
}

/** GnuPG's keybox format: "KBXf" at offset 8 of the first blob. */
function isKeybox(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && String.fromCharCode(...bytes.subarray(8, 12)) === 'KBXf';
}

export const fingerprintOf = (key: PrivateKey) => key.getFingerprint().toUpperCase();
export const userIdsOf = (key: PrivateKey) =>
  key.users.map((u) => u.userID?.userID).filter((u): u is string => typeof u === 'string');

/**
 * The key `choice` names: a fingerprint or key ID (of the key or a subkey), else Helm's
 * rule for --key: a user ID equal to it, else the only key with a user ID containing it.
 * With no choice, the only key in the file.
 */
export function chooseKey(keys: PrivateKey[], choice: string | null): PrivateKey {
  if (!choice) {
    if (keys.length === 1) return keys[0]!;
    throw new SignError(
      'ambiguous-key',
      `This file holds ${keys.length} secret keys: choose one (by user ID or fingerprint).`,
    );
  }
  const hex = choice.replace(/^0x/i, '').replace(/\s+/g, '').toUpperCase();
  if (/^([0-9A-F]{16}|[0-9A-F]{40}|[0-9A-F]{64})$/.test(hex)) {
    const byId = keys.find((k) =>
      [k.keyPacket, ...k.subkeys.map((s) => s.keyPacket)].some((p) =>
        p.getFingerprint().toUpperCase().endsWith(hex),
      ),
    );
    if (byId) return byId;
  }
  let candidate: PrivateKey | null = null;
  let vague = false;
  for (const key of keys) {
    for (const id of userIdsOf(key)) {
      if (id === choice) return key;
      if (id.includes(choice)) {
        if (candidate !== null) vague = true;
        candidate = key;
      }
    }
  }
  if (vague)
    throw new HelmError('ambiguous-key', `more than one key contain the id ${goQuote(choice)}`);
  if (candidate === null) throw new HelmError('no-secret-key', 'private key not found');
  return candidate;
}

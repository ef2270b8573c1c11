// How a key stands, read from its packets: which self-signatures and bindings are valid,
// the newest of each (GnuPG and go-crypto judge a key by its newest self-signatures, so a
// key whose expiry was extended after signing still verifies), when it expires, whether
// the signing (sub)key may sign, and every valid revocation — by the key itself or by a
// designated revoker whose key was given too — with its reason code and date.
// Nothing here reads openpgp.js's error messages: each packet is verified as a yes or no.

import { enums, type PublicKey, type SignaturePacket, type Subkey } from 'openpgp';
import { validMaths } from './maths';
import { toHex } from '../text';

export interface Revocation {
  date: string | null;
  /** RFC 9580 reason code (0 when the packet gives none). */
  code: number;
  /** Only "superseded" (1) and "retired" (3) are soft: signatures made before them stand. */
  soft: boolean;
  text: string;
  /** Issued by a designated revoker (another key named in a self-signature). */
  designated: boolean;
  /** The packet has a reason subpacket at all (golang.org/x/crypto looks at that). */
  hasReason: boolean;
  /** The signing subkey was revoked (not the whole key). */
  subkey: boolean;
}

export interface KeyStanding {
  /** The signing (sub)key's creation time. */
  created: Date;
  /** When the key can no longer sign: the earlier of the primary's and the subkey's expiry. */
  expires: Date | null;
  /** The newest binding (or self-signature) allows signing, with a valid back-signature. */
  canSign: boolean;
  /** Key flags of that newest binding or self-signature (go-crypto v1 wants them present). */
  flags: 'sign' | 'no-sign' | 'absent';
  /** A signing subkey's binding carries a valid back-signature (true for a primary key). */
  backSigned: boolean;
  /** The key has at least one user ID (Go's readers drop a key without one). */
  userIds: number;
  /** A valid self-signature binds at least one user ID or the key directly. */
  selfSigned: boolean;
  revocations: Revocation[];
}

const SOFT = new Set([
  enums.reasonForRevocation.keySuperseded,
  enums.reasonForRevocation.keyRetired,
]);

/** Revoker keys are looked up by fingerprint among the keys given. */
export type RevokerLookup = (fingerprint: string) => PublicKey | undefined;

export async function keyStanding(
  key: PublicKey,
  signing: PublicKey | Subkey,
  revokers: RevokerLookup,
): Promise<KeyStanding> {
  const primary = key.keyPacket;
  const selfSigs = await validSelfSignatures(key);
  const newestSelf = newest(selfSigs);
  const revocations = await keyRevocations(key, selfSigs, revokers);
  const primaryExpiry = expiryFrom(primary.created, newestSelf);
  const userIds = key.users.filter((u) => u.userID).length;
  if (signing === key) {
    return {
      created: primary.created,
      expires: primaryExpiry,
      canSign: newestSelf !== null && allowsSigning(newestSelf),
      flags: flagsOf(newestSelf),
      backSigned: true,
      selfSigned: newestSelf !== null,
      userIds,
      revocations,
    };
  }
  const sub = signing as Subkey;
  const binding = newest(await validBindings(key, sub));
  const subExpiry = expiryFrom(sub.keyPacket.created, binding);
  const back = binding !== null && (await backSigned(key, sub, binding));
  return {
    created: sub.keyPacket.created,
    expires: earlier(primaryExpiry, subExpiry),
    canSign: binding !== null && allowsSigning(binding) && back,
    flags: flagsOf(binding),
    backSigned: back,
    selfSigned: newestSelf !== null,
    userIds,
    revocations: [...revocations, ...(await subkeyRevocations(key, sub))],
  };
}

/** Valid user ID certifications and direct-key signatures made by the primary key itself. */
async function validSelfSignatures(key: PublicKey): Promise<SignaturePacket[]> {
  const primary = key.keyPacket;
  const out: SignaturePacket[] = [];
  for (const user of key.users) {
    const data = { userID: user.userID, userAttribute: user.userAttribute, key: primary };
    for (const sig of user.selfCertifications) {
      if (await validMaths(sig, primary, sig.signatureType!, data)) out.push(sig);
    }
  }
  for (const sig of (key as PublicKey & { directSignatures: SignaturePacket[] }).directSignatures) {
    if (sig.signatureType !== enums.signature.key) continue;
    if (!sig.issuerKeyID.equals(primary.getKeyID())) continue;
    if (await validMaths(sig, primary, enums.signature.key, { key: primary })) out.push(sig);
  }
  return out;
}

async function validBindings(key: PublicKey, sub: Subkey): Promise<SignaturePacket[]> {
  const data = { key: key.keyPacket, bind: sub.keyPacket };
  const out: SignaturePacket[] = [];
  for (const sig of sub.bindingSignatures) {
    if (!sig.issuerKeyID.equals(key.keyPacket.getKeyID())) continue;
    if (await validMaths(sig, key.keyPacket, enums.signature.subkeyBinding, data)) out.push(sig);
  }
  return out;
}

/** A signing subkey must certify its primary in turn (RFC 9580 §5.2.1, "primary key binding"). */
async function backSigned(key: PublicKey, sub: Subkey, binding: SignaturePacket): Promise<boolean> {
  const back = binding.embeddedSignature;
  if (!back) return false;
  const data = { key: key.keyPacket, bind: sub.keyPacket };
  return validMaths(back, sub.keyPacket, enums.signature.keyBinding, data);
}

async function keyRevocations(
  key: PublicKey,
  selfSigs: SignaturePacket[],
  revokers: RevokerLookup,
): Promise<Revocation[]> {
  const primary = key.keyPacket;
  const designated = new Set(
    selfSigs.flatMap((s) =>
      s.revocationKeyFingerprint ? [toHex(s.revocationKeyFingerprint).toUpperCase()] : [],
    ),
  );
  const out: Revocation[] = [];
  for (const rev of key.revocationSignatures) {
    if (rev.issuerKeyID.equals(primary.getKeyID())) {
      if (await validMaths(rev, primary, enums.signature.keyRevocation, { key: primary })) {
        out.push(describe(rev, false, false));
      }
      continue;
    }
    for (const fpr of designated) {
      const revoker = revokers(fpr);
      const signer = revoker?.getKeys(rev.issuerKeyID)[0]?.keyPacket;
      if (!signer) continue;
      if (await validMaths(rev, signer, enums.signature.keyRevocation, { key: primary })) {
        out.push(describe(rev, true, false));
        break;
      }
    }
  }
  return out;
}

async function subkeyRevocations(key: PublicKey, sub: Subkey): Promise<Revocation[]> {
  const data = { key: key.keyPacket, bind: sub.keyPacket };
  const out: Revocation[] = [];
  for (const rev of sub.revocationSignatures) {
    if (!rev.issuerKeyID.equals(key.keyPacket.getKeyID())) continue;
    if (await validMaths(rev, key.keyPacket, enums.signature.subkeyRevocation, data)) {
      out.push(describe(rev, false, true));
    }
  }
  return out;
}

function describe(rev: SignaturePacket, designated: boolean, subkey: boolean): Revocation {
  const code = rev.reasonForRevocationFlag ?? 0;
  return {
    date: rev.created ? rev.created.toISOString() : null,
    code,
    soft: SOFT.has(code),
    text: rev.reasonForRevocationString ?? '',
    designated,
    hasReason: rev.reasonForRevocationFlag !== null && rev.reasonForRevocationFlag !== undefined,
    subkey,
  };
}

/** The newest by creation time; on a tie the later packet (as gpg merges them). */
function newest(sigs: SignaturePacket[]): SignaturePacket | null {
  let best: SignaturePacket | null = null;
  for (const s of sigs) {
    if (!best || (s.created?.getTime() ?? 0) >= (best.created?.getTime() ?? 0)) best = s;
  }
  return best;
}

function expiryFrom(created: Date, sig: SignaturePacket | null): Date | null {
  if (!sig || sig.keyNeverExpires !== false || !sig.keyExpirationTime) return null;
  return new Date(created.getTime() + sig.keyExpirationTime * 1000);
}

function earlier(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

function flagsOf(sig: SignaturePacket | null): KeyStanding['flags'] {
  if (!sig?.keyFlags || sig.keyFlags.length === 0) return 'absent';
  return (sig.keyFlags[0]! & enums.keyFlags.signData) !== 0 ? 'sign' : 'no-sign';
}

/** Key flags allow signing; old keys without the subpacket may sign (gpg, go-crypto). */
function allowsSigning(sig: SignaturePacket): boolean {
  const flags = sig.keyFlags;
  if (!flags || flags.length === 0) return true;
  return (flags[0]! & enums.keyFlags.signData) !== 0;
}

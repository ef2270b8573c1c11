// Keys for the differential cases, built packet by packet with openpgp.js: the key material is
// generated once and cached (node_modules/.cache/chartproof-differential/KEYS_VERSION.json);
// every case then assembles its own certificate from it (self-signatures, subkey bindings,
// revocations, designated revokers), so fingerprints are stable across runs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  armor,
  config as defaultConfig,
  enums,
  generateKey,
  PacketList,
  readPrivateKey,
  SignaturePacket,
  UserIDPacket,
  type AnyPacket,
  type PrivateKey,
  type PublicKeyPacket,
  type PublicSubkeyPacket,
  type SecretKeyPacket,
  type SecretSubkeyPacket,
} from 'openpgp';
import { KEY_DATE, KEYS_VERSION } from './model';

export const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'chartproof-differential');

/** RSA 1024 must load; nothing random enters a signature (deterministic bytes for the cache). */
export const PGP = {
  ...defaultConfig,
  minRSABits: 1024,
  nonDeterministicSignaturesViaNotation: false,
  rejectHashAlgorithms: new Set<enums.hash>(),
};

type SignFn = (
  key: SecretKeyPacket | SecretSubkeyPacket,
  data: object,
  date: Date,
  detached: boolean,
  config: typeof PGP,
) => Promise<void>;

/** packet.sign with the config argument its typings leave out. */
export async function signPacket(
  sig: SignaturePacket,
  key: SecretKeyPacket | SecretSubkeyPacket,
  data: object,
  date: Date,
  detached = false,
) {
  sig.publicKeyAlgorithm = key.algorithm;
  sig.hashAlgorithm ??= enums.hash.sha256;
  await (sig.sign as unknown as SignFn).call(sig, key, data, date, detached, PGP);
  return sig;
}

export interface PoolKey {
  name: string;
  secret: SecretKeyPacket;
  public: PublicKeyPacket;
  subkeys: { secret: SecretSubkeyPacket; public: PublicSubkeyPacket }[];
  /** 40 upper-case hex digits. */
  fingerprint: string;
  /** The whole secret key, armored (for GnuPG to sign with). */
  armoredSecret: string;
}

const POOL = {
  signer: { type: 'rsa', rsaBits: 2048, subkeys: 2 },
  revoker: { type: 'rsa', rsaBits: 2048, subkeys: 0 },
  weak: { type: 'rsa', rsaBits: 1024, subkeys: 0 },
  other1: { type: 'ecc', rsaBits: 0, subkeys: 0 },
  other2: { type: 'ecc', rsaBits: 0, subkeys: 0 },
  other3: { type: 'ecc', rsaBits: 0, subkeys: 0 },
} as const;
export type PoolName = keyof typeof POOL;
export type Pool = Record<PoolName, PoolKey>;

function toPoolKey(name: string, key: PrivateKey, armoredSecret: string): PoolKey {
  const pub = key.toPublic();
  return {
    name,
    secret: key.keyPacket as SecretKeyPacket,
    public: pub.keyPacket as PublicKeyPacket,
    subkeys: key.subkeys.map((s, i) => ({
      secret: s.keyPacket as SecretSubkeyPacket,
      public: pub.subkeys[i]!.keyPacket as PublicSubkeyPacket,
    })),
    fingerprint: key.getFingerprint().toUpperCase(),
    armoredSecret,
  };
}

let pool: Promise<Pool> | null = null;

/** The cached key material (generated on first use; RSA 2048 takes ~0.2 s a key). */
export function keyPool(): Promise<Pool> {
  pool ??= (async () => {
    const file = join(CACHE_DIR, `${KEYS_VERSION}.json`);
    const stored: Record<string, string> = existsSync(file)
      ? JSON.parse(readFileSync(file, 'utf8'))
      : {};
    const out: Partial<Pool> = {};
    let changed = false;
    for (const [name, spec] of Object.entries(POOL) as [PoolName, (typeof POOL)[PoolName]][]) {
      if (!stored[name]) {
        const { privateKey } = await generateKey({
          ...(spec.type === 'rsa'
            ? { type: 'rsa', rsaBits: spec.rsaBits }
            : { type: 'ecc', curve: 'ed25519Legacy' }),
          userIDs: [{ name }],
          date: KEY_DATE,
          subkeys: Array.from({ length: spec.subkeys }, () => ({ sign: true })),
          format: 'object',
          config: PGP,
        });
        stored[name] = privateKey.armor();
        changed = true;
      }
      const key = await readPrivateKey({ armoredKey: stored[name]!, config: PGP });
      out[name] = toPoolKey(name, key, stored[name]!);
    }
    if (changed) {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(file, JSON.stringify(stored, null, 1));
    }
    return out as Pool;
  })();
  return pool;
}

export const FLAG = { certify: 1, sign: 2, encrypt: 4 | 8 } as const;

export interface SelfSig {
  created: Date;
  /** Key expiration time in seconds after the key's creation (none: never expires). */
  expiresAfter?: number;
  flags?: number;
  /** A designated revoker named in this self-signature. */
  revoker?: PoolKey;
}

export interface Binding {
  created: Date;
  flags: number;
  expiresAfter?: number;
  /** The subkey's primary-key binding signature (needed for a signing subkey); default true. */
  backsig?: boolean;
}

export interface Revocation {
  created: Date;
  /** Reason for revocation code; null: no reason subpacket at all. */
  reason: number | null;
  text?: string;
  /** Who signs the revocation (default the key itself; else a designated revoker). */
  by?: PoolKey;
}

/** Subkey `index` of the pool key, with its bindings and revocations. */
export interface SubkeySpec {
  index: number;
  bindings: Binding[];
  revocations?: Revocation[];
}

export interface CertSpec {
  /** Direct-key self-signatures (0x1F), e.g. naming a designated revoker as gpg addrevoker does. */
  directSigs?: { created: Date; revoker?: PoolKey }[];
  uid?: string;
  selfSigs?: SelfSig[];
  subkeys?: SubkeySpec[];
  revocations?: Revocation[];
}

export const DEFAULT_UID = 'Chart Signer <signer@test.invalid>';

async function selfSignature(key: PoolKey, uid: UserIDPacket, s: SelfSig) {
  const sig = new SignaturePacket();
  sig.signatureType = enums.signature.certPositive;
  sig.keyFlags = new Uint8Array([s.flags ?? FLAG.certify | FLAG.sign]);
  sig.preferredHashAlgorithms = [enums.hash.sha512, enums.hash.sha256];
  sig.features = new Uint8Array([1]);
  if (s.expiresAfter !== undefined) sig.keyExpirationTime = s.expiresAfter;
  if (s.revoker) {
    sig.revocationKeyClass = 0x80;
    sig.revocationKeyAlgorithm = s.revoker.public.algorithm;
    sig.revocationKeyFingerprint = s.revoker.public.getFingerprintBytes();
  }
  return signPacket(sig, key.secret, { userID: uid, key: key.public }, s.created);
}

async function directSignature(key: PoolKey, d: { created: Date; revoker?: PoolKey }) {
  const sig = new SignaturePacket();
  sig.signatureType = enums.signature.key;
  if (d.revoker) {
    sig.revocationKeyClass = 0x80;
    sig.revocationKeyAlgorithm = d.revoker.public.algorithm;
    sig.revocationKeyFingerprint = d.revoker.public.getFingerprintBytes();
  }
  return signPacket(sig, key.secret, { key: key.public }, d.created);
}

async function binding(key: PoolKey, index: number, b: Binding) {
  const sub = key.subkeys[index]!;
  const data = { key: key.public, bind: sub.public };
  const sig = new SignaturePacket();
  sig.signatureType = enums.signature.subkeyBinding;
  sig.keyFlags = new Uint8Array([b.flags]);
  if (b.expiresAfter !== undefined) sig.keyExpirationTime = b.expiresAfter;
  if (b.flags & FLAG.sign && b.backsig !== false) {
    const back = new SignaturePacket();
    back.signatureType = enums.signature.keyBinding;
    sig.embeddedSignature = await signPacket(back, sub.secret, data, b.created);
  }
  return signPacket(sig, key.secret, data, b.created);
}

async function revocation(key: PoolKey, r: Revocation, subkey?: number) {
  const sig = new SignaturePacket();
  sig.signatureType =
    subkey === undefined ? enums.signature.keyRevocation : enums.signature.subkeyRevocation;
  if (r.reason !== null) {
    sig.reasonForRevocationFlag = r.reason;
    sig.reasonForRevocationString = r.text ?? '';
  }
  const data =
    subkey === undefined
      ? { key: key.public }
      : { key: key.public, bind: key.subkeys[subkey]!.public };
  return signPacket(sig, (r.by ?? key).secret, data, r.created);
}

/** The public certificate of `key` as `spec` describes it, as binary packets. */
export async function certificate(key: PoolKey, spec: CertSpec = {}): Promise<Uint8Array> {
  // Set directly, not read(): read() refuses user IDs longer than config.maxUserIDLength.
  const uid = Object.assign(new UserIDPacket(), { userID: spec.uid ?? DEFAULT_UID });
  const list = new PacketList<AnyPacket>();
  list.push(key.public);
  for (const r of spec.revocations ?? []) list.push(await revocation(key, r));
  for (const d of spec.directSigs ?? []) list.push(await directSignature(key, d));
  list.push(uid);
  for (const s of spec.selfSigs ?? [{ created: KEY_DATE }]) {
    list.push(await selfSignature(key, uid, s));
  }
  for (const sub of spec.subkeys ?? []) {
    list.push(key.subkeys[sub.index]!.public);
    for (const r of sub.revocations ?? []) list.push(await revocation(key, r, sub.index));
    for (const b of sub.bindings) list.push(await binding(key, sub.index, b));
  }
  return list.write();
}

export const armored = (bytes: Uint8Array) =>
  new TextEncoder().encode(armor(enums.armor.publicKey, bytes));

/** Fingerprint of subkey `index` of `key` (upper-case hex). */
export const subkeyFingerprint = (key: PoolKey, index: number) =>
  key.subkeys[index]!.public.getFingerprint().toUpperCase();

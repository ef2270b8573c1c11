// Cases about the data signature(s): several in one prov, expiry and creation time, critical
// notations, signature type, weak hash and weak key.
import { armored, certificate } from './keys';
import { buildAll, type CaseSpec, type Ctx } from './build';
import { at, DAY, failed, ok, SIGN_DATE } from './model';
import { canonical } from './provs';
import type { DataSig } from './signatures';

const STOPS =
  'gpg 2.2 stops at the first bad signature (BADSIG) and never checks the good one after it; our rule checks every signature';

export async function signatureCases(ctx: Ctx) {
  const { pool, r } = ctx;
  const S = pool.signer.fingerprint;
  const good: DataSig = { key: pool.signer };
  // A signature by the right key over other text: the maths fail (gpg BADSIG).
  const bad = (n: number): DataSig => ({
    key: pool.signer,
    over: canonical(`${ctx.body}\n# tampered ${n}`),
    created: new Date(SIGN_DATE.getTime() + n * 1000),
  });
  const others = [pool.other1, pool.other2, pool.other3];
  const unknown = (n: number): DataSig => ({ key: others[n % 3]! });
  // 16 signatures that cannot count (a fixed-seed mix of unknown keys and bad maths), then the good one.
  const sixteen = Array.from({ length: 16 }, (_, i) => (r.int(2) ? unknown(r.int(3)) : bad(i)));

  const specs: CaseSpec[] = [
    {
      id: 'baseline',
      class: 'baseline',
      description: 'One SHA-512 text signature by an RSA-2048 primary key, binary key file',
      expect: ok(S),
    },
    {
      id: 'baseline-armored-key',
      class: 'baseline',
      description: 'The baseline with the key given armored (Helm must convert it)',
      expect: ok(S),
      keys: [{ name: 'pub.asc', bytes: armored(ctx.signerCert) }],
    },
    {
      id: 'no-key',
      class: 'baseline',
      description: 'Archive and prov but no key file',
      expect: { status: 'no-key', reason: null, warnings: [], signer: null },
      keys: [],
    },
    {
      id: 'multi-good-1st',
      class: 'multi-sig',
      description: 'Two signatures: the good one first, then one by a key not given',
      expect: ok(S),
      prov: { sigs: [good, unknown(0)] },
    },
    {
      id: 'multi-good-2nd',
      class: 'multi-sig',
      description: 'Two signatures: one by a key not given, then the good one',
      expect: ok(S),
      prov: { sigs: [unknown(0), good] },
    },
    {
      id: 'multi-good-17th',
      class: 'multi-sig',
      description:
        '16 signatures that fail (unknown keys, bad maths; fixed seed), the good one 17th',
      expect: ok(S),
      prov: { sigs: [...sixteen, good] },
      gpgDiffers: STOPS,
    },
    {
      id: 'multi-bad-then-good',
      class: 'multi-sig',
      description:
        'Two signatures by the same key: the first over other text (bad), the second good',
      expect: ok(S),
      prov: { sigs: [bad(1), good] },
      gpgDiffers: STOPS,
    },
    {
      id: 'multi-unknown-then-good',
      class: 'multi-sig',
      description: 'Three signatures by keys not given, then the good one',
      expect: ok(S),
      prov: { sigs: [unknown(0), unknown(1), unknown(2), good] },
    },
    {
      id: 'multi-same-key-twice',
      class: 'multi-sig',
      description: 'Two good signatures by the same key, a day apart',
      expect: ok(S),
      prov: { sigs: [good, { key: pool.signer, created: at('2025-02-02T00:00:00Z') }] },
    },
    {
      id: 'multi-all-bad',
      class: 'multi-sig',
      description: 'Two signatures by the given key, both over other text',
      expect: failed('bad-signature'),
      prov: { sigs: [bad(1), bad(2)] },
    },
    {
      id: 'multi-all-unknown',
      class: 'multi-sig',
      description: 'Two signatures, both by keys not given',
      expect: failed('unknown-key'),
      prov: { sigs: [unknown(0), unknown(1)] },
    },
    {
      id: 'sig-expired',
      class: 'sig-expired',
      description: 'Signature expiration time 30 days after its creation (long passed)',
      expect: failed('signature-expired', S),
      prov: { sigs: [{ ...good, expiresIn: 30 * DAY }] },
    },
    {
      id: 'sig-expires-later',
      class: 'sig-expired',
      description: 'Signature expiration time 10 years after its creation (not yet passed)',
      expect: ok(S),
      prov: { sigs: [{ ...good, expiresIn: 3650 * DAY }] },
    },
    {
      id: 'sig-expires-after-2106',
      class: 'sig-expired',
      description: 'Signature expiration time 100 years after its creation (past 2106)',
      expect: ok(S),
      prov: { sigs: [{ ...good, expiresIn: 36500 * DAY }] },
      gpgDiffers:
        'gpg adds creation + expiration in 32 bits: past 2106 it wraps into the past (EXPSIG)',
    },
    {
      id: 'sig-future',
      class: 'sig-time',
      description: 'Signature created in 2040 (in the future)',
      expect: ok(S),
      prov: { sigs: [{ ...good, created: at('2040-01-01T00:00:00Z') }] },
      notes:
        'our rules say nothing of it; GnuPG checks no clock against a signature (GOODSIG), so neither do we',
    },
    {
      id: 'sig-before-key',
      class: 'sig-time',
      description: 'Signature created a month before the key (2024-12-01 < 2025-01-01)',
      expect: failed('bad-signature'),
      prov: { sigs: [{ ...good, created: at('2024-12-01T00:00:00Z') }] },
      gpgDiffers:
        'gpg cannot check it at all: "public key is 31 days newer than the signature", ERRSIG rc 39 (time conflict); a signature older than its key cannot be the key\'s, so we call it bad',
    },
    {
      id: 'sig-critical-notation',
      class: 'sig-notation',
      description: 'Signature with an unknown critical notation (RFC 9580: must not be accepted)',
      expect: failed('bad-signature'),
      prov: {
        sigs: [
          { ...good, notations: [{ name: 'policy@example.invalid', value: 'x', critical: true }] },
        ],
      },
    },
    {
      id: 'sig-noncritical-notation',
      class: 'sig-notation',
      description: 'Signature with an unknown notation that is not critical',
      expect: ok(S),
      prov: {
        sigs: [
          { ...good, notations: [{ name: 'policy@example.invalid', value: 'x', critical: false }] },
        ],
      },
    },
    {
      id: 'sig-type-binary',
      class: 'sig-type',
      description: 'Signature type 0x00 (binary) over the canonical text in a clearsigned prov',
      expect: ok(S),
      prov: { sigs: [{ ...good, type: 'binary' }] },
    },
    {
      id: 'sig-type-text-sha256',
      class: 'sig-type',
      description: 'Signature type 0x01 (text) with SHA-256, "Hash: SHA256"',
      expect: ok(S),
      prov: { sigs: [{ ...good, hash: 'sha256' }] },
    },
    {
      id: 'weak-hash-sha1',
      class: 'weak',
      description: 'SHA-1 signature ("Hash: SHA1")',
      expect: ok(S, 'weak-hash'),
      prov: { sigs: [{ ...good, hash: 'sha1' }] },
    },
    {
      id: 'weak-key-rsa1024',
      class: 'weak',
      description: 'Signed by an RSA-1024 primary key',
      expect: ok(pool.weak.fingerprint, 'weak-key'),
      prov: { sigs: [{ key: pool.weak }] },
      keys: [{ name: 'pub.gpg', bytes: await certificate(pool.weak) }],
    },
    {
      id: 'weak-key-and-hash',
      class: 'weak',
      description: 'An SHA-1 signature by an RSA-1024 primary key',
      expect: ok(pool.weak.fingerprint, 'weak-hash', 'weak-key'),
      prov: { sigs: [{ key: pool.weak, hash: 'sha1' }] },
      keys: [{ name: 'pub.gpg', bytes: await certificate(pool.weak) }],
    },
  ];
  return buildAll(ctx, specs);
}

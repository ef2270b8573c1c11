// Cases about the signer's key: signing subkeys and their bindings, expiry moved by newer
// self-signatures, revocations (own and by a designated revoker) with every reason code, and a
// very long user ID.
import {
  certificate,
  FLAG,
  subkeyFingerprint,
  type CertSpec,
  type Revocation,
  type SubkeySpec,
} from './keys';
import { buildAll, type CaseSpec, type Ctx } from './build';
import { at, DAY, failed, KEY_DATE, ok } from './model';

const AFTER = at('2025-03-01T00:00:00Z'); // a month after the signature
const BEFORE = at('2025-01-15T00:00:00Z'); // two weeks before it
const SIGN = FLAG.sign;

export async function keyCases(ctx: Ctx) {
  const { pool } = ctx;
  const S = pool.signer.fingerprint;
  const sub0 = subkeyFingerprint(pool.signer, 0);
  const cert = async (spec: CertSpec) => [
    { name: 'pub.gpg', bytes: await certificate(pool.signer, spec) },
  ];
  const bySubkey = { sigs: [{ key: pool.signer, subkey: 0 }] };
  const withSubkey = (sub: SubkeySpec) => cert({ subkeys: [sub] });
  const revoked = (r: Revocation) => cert({ revocations: [r] });

  const specs: CaseSpec[] = [
    {
      id: 'subkey-sign',
      class: 'subkey',
      description: 'Signed by a signing subkey (binding with the sign flag and a back-signature)',
      expect: ok(S),
      prov: bySubkey,
      keys: await withSubkey({ index: 0, bindings: [{ created: KEY_DATE, flags: SIGN }] }),
      notes: `signing subkey ${sub0}`,
    },
    {
      id: 'subkey-sign-flag-removed',
      class: 'subkey',
      description:
        'Signed by a subkey whose newest binding (after the signature) drops the sign flag',
      expect: failed('unknown-key'),
      prov: bySubkey,
      keys: await withSubkey({
        index: 0,
        bindings: [
          { created: KEY_DATE, flags: SIGN },
          { created: AFTER, flags: FLAG.encrypt },
        ],
      }),
      notes: 'GnuPG judges the subkey by its newest binding: no longer a signing key',
      gpgDiffers:
        'gpg: ERRSIG rc 125 (wrong key usage) rather than rc 9: no key given can check it, which is what unknown-key says (Helm: "signature made by unknown entity")',
    },
    {
      id: 'subkey-no-backsig',
      class: 'subkey',
      description: 'Signed by a subkey bound with the sign flag but without a back-signature',
      expect: failed('unknown-key'),
      prov: bySubkey,
      keys: await withSubkey({
        index: 0,
        bindings: [{ created: KEY_DATE, flags: SIGN, backsig: false }],
      }),
      notes: 'a signing subkey must cross-certify its primary (RFC 9580 5.2.1)',
      gpgDiffers:
        'gpg: "signing subkey is not cross-certified", ERRSIG rc 1 rather than rc 9: no valid key given can check it (Helm refuses the key: missing cross-signature)',
    },
    {
      id: 'subkey-binding-refreshed',
      class: 'subkey',
      description:
        'Subkey binding expiring 2025-03-01, refreshed on 2025-04-01 (after the signature) with no expiry',
      expect: ok(S),
      prov: bySubkey,
      keys: await withSubkey({
        index: 0,
        bindings: [
          { created: KEY_DATE, flags: SIGN, expiresAfter: 59 * DAY },
          { created: at('2025-04-01T00:00:00Z'), flags: SIGN },
        ],
      }),
    },
    {
      id: 'subkey-expired-now',
      class: 'subkey',
      description: 'Signing subkey expired on 2025-05-31, after the signature',
      expect: ok(S, 'key-expired-now'),
      prov: bySubkey,
      keys: await withSubkey({
        index: 0,
        bindings: [{ created: KEY_DATE, flags: SIGN, expiresAfter: 150 * DAY }],
      }),
    },
    {
      id: 'subkey-revoked-compromised',
      class: 'subkey-revoked',
      description: 'Signing subkey revoked (reason 2, compromised) after the signature',
      expect: failed('key-revoked', S),
      prov: bySubkey,
      keys: await withSubkey({
        index: 0,
        bindings: [{ created: KEY_DATE, flags: SIGN }],
        revocations: [{ created: AFTER, reason: 2, text: 'subkey leaked' }],
      }),
    },
    {
      id: 'subkey-revoked-superseded-later',
      class: 'subkey-revoked',
      description: 'Signing subkey revoked (reason 1, superseded) after the signature',
      expect: ok(S, 'soft-revoked-later'),
      prov: bySubkey,
      keys: await withSubkey({
        index: 0,
        bindings: [{ created: KEY_DATE, flags: SIGN }],
        revocations: [{ created: AFTER, reason: 1, text: 'new subkey' }],
      }),
    },
    {
      id: 'key-expiry-extended',
      class: 'key-expiry',
      description:
        'Self-signature expiring the key on 2025-03-01; a newer one (2025-06-01) removes the expiry',
      expect: ok(S),
      keys: await cert({
        selfSigs: [
          { created: KEY_DATE, expiresAfter: 59 * DAY },
          { created: at('2025-06-01T00:00:00Z') },
        ],
      }),
    },
    {
      id: 'key-expiry-revived',
      class: 'key-expiry',
      description:
        'Key expired 2025-01-21 (before the signature); a newer self-signature (2025-06-01) removes the expiry',
      expect: ok(S),
      keys: await cert({
        selfSigs: [
          { created: KEY_DATE, expiresAfter: 20 * DAY },
          { created: at('2025-06-01T00:00:00Z') },
        ],
      }),
      notes: 'GnuPG uses the newest self-signature whatever its date: the key never expires',
    },
    {
      id: 'key-expiry-shortened',
      class: 'key-expiry',
      description:
        'No expiry at first; a newer self-signature (2025-03-01) sets the expiry to 2025-01-15, before the signature',
      expect: failed('key-expired', S),
      keys: await cert({
        selfSigs: [{ created: KEY_DATE }, { created: AFTER, expiresAfter: 14 * DAY }],
      }),
    },
    {
      id: 'key-expired-now',
      class: 'key-expiry',
      description: 'Key expiring 2025-05-31: valid at signing, expired now',
      expect: ok(S, 'key-expired-now'),
      keys: await cert({ selfSigs: [{ created: KEY_DATE, expiresAfter: 150 * DAY }] }),
    },
    {
      id: 'key-expired-before-signing',
      class: 'key-expiry',
      description: 'Key expired 2025-01-21, signature made 2025-02-01',
      expect: failed('key-expired', S),
      keys: await cert({ selfSigs: [{ created: KEY_DATE, expiresAfter: 20 * DAY }] }),
    },
    ...(
      [
        [0, 'after', failed('key-revoked', S)],
        [1, 'after', ok(S, 'soft-revoked-later')],
        [1, 'before', failed('key-revoked', S)],
        [2, 'after', failed('key-revoked', S)],
        [3, 'after', ok(S, 'soft-revoked-later')],
        [3, 'before', failed('key-revoked', S)],
        [32, 'after', failed('key-revoked', S)],
        [null, 'after', failed('key-revoked', S)],
      ] as const
    ).map(([reason, when, expect]): CaseSpec => ({
      id: `revoked-reason-${reason ?? 'none'}-${when}`,
      class: 'key-revoked',
      description: `Key revoked by itself ${when} the signature, ${reason === null ? 'no reason subpacket' : `reason ${reason}`}`,
      expect,
      keys: [],
    })),
    {
      id: 'revoker-compromised',
      class: 'designated-revoker',
      description:
        'Key revoked by its designated revoker (reason 2, compromised), revoker key given',
      expect: failed('key-revoked', S),
      keys: [],
    },
    {
      id: 'revoker-superseded-later',
      class: 'designated-revoker',
      description:
        'Key revoked by its designated revoker (reason 1) after the signature, revoker key given',
      expect: ok(S, 'soft-revoked-later'),
      keys: [],
    },
    {
      id: 'revoker-in-uid-selfsig',
      class: 'designated-revoker',
      description:
        'Revoker named in the user ID self-signature (not a direct-key signature) revokes (reason 2)',
      expect: failed('key-revoked', S),
      keys: [],
      notes:
        'RFC 4880 5.2.3.15 / 5.2.3.23: a revocation key is authorised "in a self-signature by the top-level key", which a user ID self-signature is',
      gpgDiffers:
        'GnuPG 2.2 takes designated revokers from direct-key signatures only (as gpg --edit-key addrevoker writes them), so it reports GOODSIG',
    },
    {
      id: 'revoker-compromised-revoker-missing',
      class: 'designated-revoker',
      description: 'Revocation (reason 2) by a designated revoker whose key is not given',
      expect: ok(S),
      keys: [],
      notes:
        'the revocation cannot be checked without the revoker key; gpg then ignores it too ("may be revoked")',
    },
    {
      id: 'uid-10000-chars',
      class: 'long-uid',
      description: 'The signer key has one user ID of 10,000 characters',
      expect: ok(S),
      keys: await cert({ uid: `${'Long'.padEnd(9980, 'g')} <long@test.invalid>` }),
      gpgDiffers:
        'gpg refuses the key ("packet(13) too large": user IDs over 2 KiB), imports nothing and says NO_PUBKEY; RFC 9580 sets no limit',
    },
  ];

  // The revocation cases' key files, filled in here to keep the table above short.
  for (const s of specs) {
    const m = /^revoked-reason-(\w+)-(after|before)$/.exec(s.id);
    if (m) {
      const reason = m[1] === 'none' ? null : Number(m[1]);
      s.keys = await revoked({ created: m[2] === 'after' ? AFTER : BEFORE, reason, text: 'test' });
    }
    if (s.id.startsWith('revoker-')) {
      const reason = s.id.includes('superseded') ? 1 : 2;
      const revoker = { created: KEY_DATE, revoker: pool.revoker };
      const spec: CertSpec = {
        ...(s.id.includes('uid-selfsig') ? { selfSigs: [revoker] } : { directSigs: [revoker] }),
        revocations: [{ created: AFTER, reason, text: 'by revoker', by: pool.revoker }],
      };
      // The revoker's key first: gpg checks a designated revocation when it has the revoker.
      s.keys = [
        ...(s.id.endsWith('revoker-missing')
          ? []
          : [{ name: 'revoker.gpg', bytes: await certificate(pool.revoker) }]),
        { name: 'pub.gpg', bytes: await certificate(pool.signer, spec) },
      ];
    }
  }
  return buildAll(ctx, specs);
}

// The one table from an expected verdict to what GnuPG must say about the prov (the
// verdict's cryptographic part), and the reading of gpg's status lines into one word.
import type { Expect } from './model';

/** gpg's answer about the best signature of a prov, in one word. */
export type GpgWord =
  | 'GOODSIG'
  | 'EXPKEYSIG'
  | 'REVKEYSIG'
  | 'EXPSIG'
  | 'BADSIG'
  | 'NO_PUBKEY'
  | `ERRSIG ${number}`
  | 'NODATA';

/**
 * Expected verdict -> gpg's word. gpg neither reads the body nor hashes the archive, and judges
 * the key now: so every failure that is not about the signature maths maps to what gpg says
 * about a good signature by that key. A case whose gpg answer differs on purpose says why in
 * its gpgDiffers.
 */
export const GPG_TABLE: Record<string, { gpg: GpgWord; why: string }> = {
  verified: { gpg: 'GOODSIG', why: 'a good signature by a valid key' },
  'verified + key-expired-now': {
    gpg: 'EXPKEYSIG',
    why: 'gpg reports the key expired now, the signature itself is good',
  },
  'verified + soft-revoked-later': {
    gpg: 'REVKEYSIG',
    why: 'gpg reports any revocation, whatever its reason and date',
  },
  'failed/hash-mismatch': { gpg: 'GOODSIG', why: 'the digest is not gpg’s business' },
  'failed/not-listed': { gpg: 'GOODSIG', why: 'the digest is not gpg’s business' },
  'failed/bad-signature': { gpg: 'BADSIG', why: 'the maths fail' },
  'failed/unknown-key': { gpg: 'NO_PUBKEY', why: 'ERRSIG rc 9 and NO_PUBKEY' },
  'failed/signature-expired': { gpg: 'EXPSIG', why: 'the signature’s own expiry passed' },
  'failed/key-expired': {
    gpg: 'EXPKEYSIG',
    why: 'gpg cannot tell expired-before-signing from expired-since: EXPKEYSIG for both',
  },
  'failed/key-revoked': { gpg: 'REVKEYSIG', why: 'gpg reports a hard revocation like a soft one' },
  'error/malformed-prov': { gpg: 'NODATA', why: 'no clearsigned block gpg can read' },
  'error/malformed-prov (signed body)': {
    gpg: 'GOODSIG',
    why: 'the signed text is no Helm body; gpg does not read it',
  },
  'error/malformed-archive': { gpg: 'GOODSIG', why: 'the archive is not gpg’s business' },
  'no-key': { gpg: 'NO_PUBKEY', why: 'no key given: gpg has none either' },
};

/** The GPG_TABLE row an expectation falls under. */
export function tableRow(e: Expect): string {
  if (e.status === 'verified') {
    if (e.warnings.includes('key-expired-now')) return 'verified + key-expired-now';
    if (e.warnings.includes('soft-revoked-later')) return 'verified + soft-revoked-later';
    return 'verified';
  }
  if (e.status === 'error' && e.reason === 'malformed-prov' && e.signer) {
    return 'error/malformed-prov (signed body)';
  }
  return e.reason ? `${e.status}/${e.reason}` : e.status;
}

const RANK: GpgWord[] = ['GOODSIG', 'EXPKEYSIG', 'REVKEYSIG', 'EXPSIG', 'BADSIG'];
const SIGNATURE_CODES = new Set([
  'GOODSIG',
  'EXPKEYSIG',
  'REVKEYSIG',
  'EXPSIG',
  'BADSIG',
  'ERRSIG',
]);

export interface GpgReading {
  word: GpgWord;
  /** VALIDSIG's primary key fingerprint for the signature the word is about. */
  signer: string | null;
  /** One word per signature gpg reported, in order. */
  all: GpgWord[];
}

/** The best signature among gpg's status lines ("CODE ARG ..." without "[GNUPG:] "). */
export function readGpg(status: string[]): GpgReading {
  const sigs: { word: GpgWord; signer: string | null }[] = [];
  for (const line of status) {
    const [code = '', ...args] = line.split(' ');
    if (SIGNATURE_CODES.has(code)) {
      const word: GpgWord =
        code === 'ERRSIG'
          ? args[5] === '9'
            ? 'NO_PUBKEY'
            : `ERRSIG ${Number(args[5])}`
          : (code as GpgWord);
      sigs.push({ word, signer: null });
    } else if (code === 'VALIDSIG' && sigs.length > 0) {
      sigs[sigs.length - 1]!.signer = (args[9] ?? args[0] ?? '').toUpperCase();
    }
  }
  const rank = (w: GpgWord) => {
    const i = RANK.indexOf(w);
    return i >= 0 ? i : w === 'NO_PUBKEY' ? RANK.length + 1 : RANK.length;
  };
  const best = [...sigs].sort((a, b) => rank(a.word) - rank(b.word))[0];
  return {
    word: best?.word ?? 'NODATA',
    signer: best?.signer ?? null,
    all: sigs.map((s) => s.word),
  };
}

/** Whether gpg's reading agrees with the expectation's cryptographic part; null when it does. */
export function gpgDisagreement(e: Expect, g: GpgReading): string | null {
  const row = GPG_TABLE[tableRow(e)];
  if (!row) return `no GPG_TABLE row for ${tableRow(e)}`;
  if (g.word !== row.gpg) return `gpg ${g.word}, table says ${row.gpg} for ${tableRow(e)}`;
  const signs = ['GOODSIG', 'EXPKEYSIG', 'REVKEYSIG', 'EXPSIG'].includes(g.word);
  if (signs && e.signer && g.signer !== e.signer) {
    return `gpg signer ${g.signer}, expected ${e.signer}`;
  }
  return null;
}

// The real-world cases' answers established with GnuPG 2.2 + sha256sum (see
// docs/realworld-findings.md): status / reason / warnings / signer / helm for each case of
// ../shared/realworld/cases, one line of evidence each. Read by e2e/realworld.spec.ts.
// helm / helm3 are what the real Helm 4.1.4 / 3.17.2 binaries answered (test/helm-oracle.test.ts
// caches them in node_modules/.cache/chartproof-helm/realworld-oracle.json); Helm 3 differs only
// where Helm 4 refuses an expired key, which Helm 3 does not check.

// Primary-key fingerprints seen in the corpus (gpg VALIDSIG, last field).
const DEMO1 = '57085FE6C00BA82784CD43B7BC41E8737830B84E'; // helmsigndemo1, RSA 3072
const HELMTEST = '5E615389B53CA37F0EE60BD3843BBF981FC18762'; // helm/helm testdata key
const FARINA = '672C657BE06B4B30969C4A57461449C25E36B98E'; // Matt Farina (signing subkey 9436E80BFBA46909)
const KANNA = '3949F33EDEED381651B99647E76A485C5D69A7AC'; // priyankakanna, expired 2026-10-15
const HELMS3 = '362A31CD7E4CF7E098605C67491EB34640FC8895'; // hypnoglow/helm-s3 test key, RSA 2048
const CITEST = 'DD749E34D724EE5D8B8C20248A3D02D179CBB9F4'; // chart-verifier "CI Test Key", RSA 1024
const I2I_OLD = '82BECD76C07AF5CA1390A3BFA7D7B9235CE92F65'; // i2i5gcore, expires 2027-07-04
const I2I = '7C0A2A2E4265DB45653BE953ABDE4BD14DB77DDE'; // hasan (i2i), expires 2027-10-16
const I2I_EXP = '2027-10-16T14:28:21Z';

export interface Expect {
  status: string;
  reason?: string;
  warnings?: string[];
  signer?: string;
  helm?: 'accept' | 'reject' | '';
  /** Helm 3.17 `helm verify`, where it differs from Helm 4 (real Helm, test/oracle/realworld.ts) */
  helm3?: 'accept' | 'reject';
  /** the signing key's expiry: once past, a verified card gains key-expired-now and Helm rejects */
  expires?: string;
  /** id of a finding in docs/realworld-findings.md the page does not meet yet */
  fixme?: string;
  why: string;
}

export const EXPECT: Record<string, Expect> = {
  c01: { status: 'verified', signer: DEMO1, helm: 'accept', why: 'GOODSIG, sha256 equals entry' },
  c02: {
    status: 'verified',
    warnings: ['secret-key-supplied'],
    signer: DEMO1,
    helm: 'accept',
    why: 'secret keyring export: gpg imports sec+pub, GOODSIG, hash equal',
  },
  c03: {
    status: 'error',
    reason: 'malformed-key',
    helm: 'reject',
    why: 'key file is 0 bytes (gpg: NODATA, nothing imported)',
  },
  c04: { status: 'no-key', helm: '', why: 'prov + archive only (issuer 90F6993B835A5D58)' },
  c05: { status: 'no-key', helm: '', why: 'prov + archive only (issuer 90F6993B835A5D58)' },
  c06: {
    status: 'verified',
    warnings: ['key-expired-now'],
    signer: '8D68FD63F52DCF7EAA72565BC3C828AFB6681C17',
    helm: 'reject',
    helm3: 'accept',
    why: 'EXPKEYSIG: signed 2021-06-27, key expired 2023-06-27; hash equal',
  },
  c07: { status: 'verified', signer: HELMTEST, helm: 'accept', why: 'GOODSIG, hash equal' },
  c08: { status: 'verified', signer: HELMTEST, helm: 'accept', why: 'GOODSIG, hash equal' },
  c09: {
    status: 'error',
    reason: 'malformed-prov',
    warnings: [],
    signer: FARINA,
    helm: 'reject',
    why: 'EXPKEYSIG by subkey (valid when signed); files entry is "sha256:" with no hash (invalid YAML); prov and Chart.yaml agree on name/version, so no metadata-mismatch',
  },
  c10: {
    status: 'verified',
    warnings: ['key-expired-now'],
    signer: KANNA,
    helm: 'reject',
    helm3: 'accept',
    why: 'EXPKEYSIG: signed 2025-10-15, key expired 2026-10-15; hash equal',
  },
  c11: {
    status: 'verified',
    warnings: ['key-expired-now', 'secret-key-supplied'],
    signer: KANNA,
    helm: 'reject',
    helm3: 'accept',
    why: 'armored secret key; EXPKEYSIG as c10',
  },
  c12: {
    status: 'failed',
    reason: 'unknown-key',
    helm: 'reject',
    why: 'NO_PUBKEY 69895206DD7209D0 (supplied key is another one)',
  },
  c13: {
    status: 'failed',
    reason: 'unknown-key',
    helm: 'reject',
    why: 'NO_PUBKEY 69895206DD7209D0 (hash differs too, but no key to check with)',
  },
  c14: {
    status: 'verified',
    warnings: ['key-expired-now'],
    signer: '943CB5929ECDA2B5B5EC88BC7035BA97D32A87C1',
    helm: 'reject',
    helm3: 'accept',
    why: 'EXPKEYSIG: signed 2022-03-11, key expired 2024-03-06; hash equal',
  },
  c15: {
    status: 'verified',
    warnings: ['key-expired-now'],
    signer: 'B7D2A4C7D737D8B658B5155C838FA494BB95B52F',
    helm: 'reject',
    helm3: 'accept',
    why: 'EXPKEYSIG: signed 2022-03-05, key expired 2024-03-04; hash equal',
  },
  c16: { status: 'verified', signer: HELMS3, helm: 'accept', why: 'GOODSIG, hash equal' },
  c17: {
    status: 'verified',
    warnings: ['secret-key-supplied'],
    signer: HELMS3,
    helm: 'accept',
    why: 'binary secret key export; GOODSIG, hash equal',
  },
  c18: {
    status: 'verified',
    warnings: ['weak-key'],
    signer: CITEST,
    helm: 'accept',
    why: 'GOODSIG by RSA 1024 key (.tgz.key file), hash equal',
  },
  c19: {
    status: 'failed',
    reason: 'unknown-key',
    helm: 'reject',
    why: '.badkey is another key: NO_PUBKEY 8A3D02D179CBB9F4',
  },
  c20: {
    status: 'verified',
    warnings: ['key-expired-now'],
    signer: 'C7863443FC3E13DCBC0B7E70826EE8F111D70605',
    helm: 'reject',
    helm3: 'accept',
    why: '.key holds 2 keys; EXPKEYSIG: signed 2023-05-23, expired 2025-05-21; hash equal',
  },
  c21: {
    status: 'verified',
    signer: I2I_OLD,
    helm: 'accept',
    expires: '2027-07-04T14:30:11Z',
    why: 'GOODSIG, hash equal',
  },
  c22: { status: 'verified', signer: I2I, helm: 'accept', expires: I2I_EXP, why: 'GOODSIG' },
  c23: {
    status: 'failed',
    reason: 'unknown-key',
    helm: 'reject',
    why: 'prov of 1.0.9 (key A7D7B9235CE92F65) with archive 1.0.10 and 1.0.10 signer key: NO_PUBKEY; real Helm 4 and 3 with the prov beside the archive: "openpgp: signature made by unknown entity"',
  },
  c24: { status: 'no-key', helm: '', why: 'prov + archive only (issuer 5F544EBDD3538FCB)' },
  c25: {
    status: 'verified',
    signer: '345606D4F10EE24D6442D5737E312F0091A90F13',
    helm: 'accept',
    why: 'openpgp.js-made signature, no CRC line, no final newline: gpg GOODSIG; hash equal',
  },
  c26: {
    status: 'failed',
    reason: 'unknown-key',
    helm: 'reject',
    why: 'public_key_bad.asc is another key: NO_PUBKEY',
  },
  c27: {
    status: 'failed',
    reason: 'hash-mismatch',
    signer: HELMS3,
    helm: 'reject',
    why: 'GOODSIG; archive bytes changed (gzip crc error), sha256 differs',
  },
  c28: {
    status: 'failed',
    reason: 'hash-mismatch',
    signer: I2I,
    helm: 'reject',
    expires: I2I_EXP,
    why: 'GOODSIG; archive corrupt (crc error), sha256 differs',
  },
  c29: {
    status: 'failed',
    reason: 'bad-signature',
    helm: 'reject',
    why: 'BADSIG: version changed to 1.0.11 in the signed text',
  },
  c30: {
    status: 'failed',
    reason: 'bad-signature',
    helm: 'reject',
    why: 'BADSIG: version changed to 0.1.12',
  },
  c31: {
    status: 'failed',
    reason: 'bad-signature',
    helm: 'reject',
    why: 'BADSIG: files hash changed',
  },
  c32: {
    status: 'failed',
    reason: 'unknown-key',
    helm: 'reject',
    why: 'helm-s3 key for an i2i prov: NO_PUBKEY',
  },
  c33: {
    status: 'failed',
    reason: 'unknown-key',
    helm: 'reject',
    why: 'demo1 key for a helm-s3 prov: NO_PUBKEY',
  },
  c34: {
    status: 'verified',
    signer: I2I,
    helm: 'accept',
    expires: I2I_EXP,
    why: '3 key files, one is the signer: GOODSIG, hash equal',
  },
  c35: { status: 'verified', signer: HELMS3, helm: 'accept', why: 'CRLF prov: GOODSIG' },
  c36: {
    status: 'verified',
    signer: I2I,
    helm: 'accept',
    expires: I2I_EXP,
    why: 'CRLF prov: GOODSIG',
  },
  c37: {
    status: 'verified',
    warnings: ['renamed-archive'],
    signer: HELMS3,
    helm: 'reject',
    why: '"foo-1.3.1 (1).tgz": name not listed, bytes equal the only entry',
  },
  c38: {
    status: 'verified',
    warnings: ['renamed-archive', 'weak-key'],
    signer: CITEST,
    helm: 'reject',
    why: 'renamed archive, RSA 1024',
  },
  c39: { status: 'no-key', helm: '', why: 'no key file' },
  c40: { status: 'no-key', helm: '', why: 'no key file' },
  c41: { status: 'verified', signer: HELMS3, helm: 'accept', why: 'armored .gpg.asc key' },
  c42: { status: 'verified', signer: DEMO1, helm: 'accept', why: 'armored .gpg.asc key' },
  c43: {
    status: 'verified',
    signer: I2I,
    helm: 'accept',
    expires: I2I_EXP,
    why: 'binary export: GOODSIG',
  },
  c44: {
    status: 'verified',
    warnings: ['weak-key'],
    signer: CITEST,
    helm: 'accept',
    why: 'binary export of RSA 1024 key',
  },
  c45: { status: 'verified', signer: HELMS3, helm: 'accept', why: 'pubring.kbx: GOODSIG' },
  c46: {
    status: 'verified',
    signer: I2I,
    helm: 'accept',
    expires: I2I_EXP,
    why: 'pubring.kbx: GOODSIG',
  },
  c47: {
    status: 'failed',
    reason: 'hash-mismatch',
    signer: HELMS3,
    helm: 'reject',
    why: '2 MiB appended after the gzip member: sha256 differs',
  },
  c48: {
    status: 'failed',
    reason: 'hash-mismatch',
    signer: I2I,
    helm: 'reject',
    expires: I2I_EXP,
    why: '2 MiB appended: sha256 differs',
  },
  c49: {
    status: 'verified',
    signer: HELMS3,
    helm: 'reject',
    why: 'UTF-8 BOM before the prov (gpg: no signed data; project rule drops it; Helm finds no block)',
  },
  c50: {
    status: 'verified',
    signer: I2I,
    helm: 'reject',
    expires: I2I_EXP,
    why: 'UTF-8 BOM, as c49',
  },
  c51: {
    status: 'error',
    reason: 'malformed-key',
    helm: 'reject',
    why: 'key file is 1200 random bytes (gpg: NODATA)',
  },
  c52: {
    status: 'error',
    reason: 'malformed-prov',
    helm: 'reject',
    why: 'prov is one line of text, no clearsigned block',
  },
  c53: {
    status: 'failed',
    reason: 'hash-mismatch',
    signer: I2I,
    helm: 'reject',
    expires: I2I_EXP,
    why: 'archive truncated (gzip: unexpected end of file): sha256 differs',
  },
  c54: {
    status: 'failed',
    reason: 'hash-mismatch',
    signer: I2I,
    helm: 'reject',
    expires: I2I_EXP,
    why: 'another archive under the same name: sha256 differs',
  },
  c55: {
    status: 'failed',
    reason: 'key-revoked',
    signer: HELMS3,
    helm: 'reject',
    why: 'REVKEYSIG, revocation reason 0x02 (key compromised): hard',
  },
  c56: {
    status: 'verified',
    warnings: ['soft-revoked-later'],
    signer: HELMS3,
    helm: 'reject',
    why: 'REVKEYSIG, reason 0x01 (superseded) made 2026-11-24, after the 2025-03-27 signature',
  },
  c57: {
    status: 'verified',
    warnings: ['weak-hash'],
    signer: HELMS3,
    helm: 'accept',
    why: 'GOODSIG with digest algo 2 (SHA-1)',
  },
};

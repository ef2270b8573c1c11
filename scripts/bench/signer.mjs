// Clearsigns provs with the bench's throwaway gpg key, in Node with openpgp.js. One `gpg
// --clearsign` process per prov costs ~15-30 ms (process start, agent round trip); 5,000
// charts would spend minutes there. The key is still made by gpg (so the native anchors
// verify with gpg's own keyring) and exported once, unprotected, for openpgp.js to use.
import * as openpgp from 'openpgp';
import { run } from './util.mjs';

/** `gpgArgs(home, args)` builds a batch gpg command line for `home`; `uid` names the key. */
export async function loadSigner(signHome, uid, gpgArgs) {
  const armored = run('gpg', gpgArgs(signHome, ['--armor', '--export-secret-keys', uid])).stdout;
  const key = await openpgp.readPrivateKey({ armoredKey: armored });
  // SHA-512, as scripts/make-sample.sh's `gpg --digest-algo SHA512 --clearsign` and Helm do.
  const config = { preferredHashAlgorithm: openpgp.enums.hash.sha512 };
  return {
    /** The clearsigned message (a .prov's whole text) for `text`. */
    async clearsign(text) {
      const message = await openpgp.createCleartextMessage({ text });
      return openpgp.sign({ message, signingKeys: key, config });
    },
  };
}

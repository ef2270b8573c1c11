// Unlocking a passphrase-protected secret key (openpgp.js checks the passphrase against the
// key's own integrity check). The passphrase is used here and dropped: nothing keeps it.

import { decryptKey, type PrivateKey } from 'openpgp';
import { SignError } from './errors';
import { READ_CONFIG } from './secret-keys';

/** What Helm 4 and 3 print for a wrong passphrase (go-crypto's S2K checksum check). */
const HELM_WRONG_PASSPHRASE = 'openpgp: invalid data: private key checksum failure';

export async function unlockKey(key: PrivateKey, passphrase: string): Promise<PrivateKey> {
  if (key.isDecrypted()) return key;
  const fingerprint = key.getFingerprint().toUpperCase();
  if (passphrase === '') {
    throw new SignError('passphrase', `Key ${fingerprint} is protected by a passphrase: enter it.`);
  }
  try {
    return await decryptKey({ privateKey: key, passphrase, config: READ_CONFIG });
  } catch (e) {
    const message = (e as Error).message;
    if (/incorrect key passphrase|checksum|integrity/i.test(message)) {
      throw new SignError(
        'passphrase',
        `Wrong passphrase for key ${fingerprint}. (Helm says: ${HELM_WRONG_PASSPHRASE})`,
      );
    }
    throw new SignError('passphrase', `Key ${fingerprint} cannot be unlocked: ${message}`);
  }
}

// How to hand Helm the keys that were given here. Helm reads only binary keyrings (what
// gpg --export writes): an armored key, a GnuPG keybox or an armored secret key must be
// converted first. The card offers the command, and the converted keyring itself (made in the
// worker from the keys given, public parts only) as key.gpg.
import type { Verdict } from '../core/verdict/types';
import { BlobLink } from './download';

/** A file name as one shell word: quoted when it holds anything a shell would read. */
function shellWord(name: string): string {
  return /^[\w.+@%/:=,-]+$/.test(name) ? name : `'${name.replaceAll("'", `'\\''`)}'`;
}

/** `helm verify --keyring RING ARCHIVE`, and the prov's name Helm looks for when it differs. */
function VerifyCommand({ ring, v }: { ring: string; v: Verdict }) {
  const archive = v.archive?.name ?? 'NAME.tgz';
  const prov = `${archive}.prov`;
  return (
    <>
      <code className="cmd">
        helm verify --keyring {shellWord(ring)} {shellWord(archive)}
      </code>
      {v.prov && v.prov.name !== prov ? (
        <span className="muted">
          Helm reads the prov only as <code>{prov}</code>, beside the archive.
        </span>
      ) : null}
    </>
  );
}

export function HelmKeyring({
  verdict: v,
  keyring,
}: {
  verdict: Verdict;
  keyring: Uint8Array | null;
}) {
  const how = v.helm.keyring;
  if (!how && !keyring) return null;
  const only = v.keyFiles.length === 1 ? v.keyFiles[0]!.name : null;
  return (
    <div className="helm-keyring" data-testid="helm-keyring" data-keyring={how ?? ''}>
      {how === 'as-given' ? (
        <p>
          Helm reads {only ? 'the key file' : 'a key file'} as you gave it
          {only ? (
            <>
              : <VerifyCommand ring={only} v={v} />
            </>
          ) : (
            '.'
          )}
        </p>
      ) : null}
      {how === 'convert' ? (
        <p>
          Helm cannot read {only ? 'this key file' : 'these key files'} as given: it reads only
          binary keyrings, as gpg --export writes them.
        </p>
      ) : null}
      {keyring ? (
        <p className="helm-download">
          <BlobLink
            className="button small"
            data={keyring}
            download="key.gpg"
            type="application/pgp-keys"
            testId="helm-keyring-download"
          >
            Download key.gpg for Helm
          </BlobLink>{' '}
          made here from the keys given (public parts only).
        </p>
      ) : null}
      {how === 'convert' && v.helm.convert ? (
        <p>
          {keyring ? 'Or make it yourself:' : 'Make one:'}{' '}
          <code className="cmd" data-testid="helm-convert">
            {v.helm.convert}
          </code>
        </p>
      ) : null}
      {keyring || (how === 'convert' && v.helm.convert) ? (
        <p>
          then: <VerifyCommand ring="key.gpg" v={v} />
        </p>
      ) : null}
    </div>
  );
}

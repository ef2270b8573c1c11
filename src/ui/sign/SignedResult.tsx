// The outcome: the files to download, chartproof's own verdict on them (the same check a
// user's drop gets, with the public key only), and the publisher's next steps.
import { CopyButton } from '../CopyButton';
import { useSignStore } from './sign-state';
import type { SignResult } from '../../worker/sign-protocol';

const STATUS_WORDS: Record<string, string> = {
  verified: 'Verified',
  failed: 'Failed',
  error: 'Error',
  unsigned: 'Unsigned',
  'no-key': 'No key',
};

export function SignedResult() {
  const result = useSignStore((s) => s.result);
  if (!result) return null;
  const { chart, check } = result;
  return (
    <section className="sign-result" aria-labelledby="sign-result-title" data-testid="sign-result">
      <h3 id="sign-result-title">
        Signed {chart.name} {chart.version}
      </h3>
      <ul className="downloads">
        {result.packaged ? (
          <li>
            <a
              href={result.archive.url}
              download={result.archive.name}
              data-testid="signed-archive"
            >
              Download {result.archive.name}
            </a>{' '}
            <span className="muted">
              ({result.archive.size.toLocaleString('en')} bytes, packaged as helm package does)
            </span>
          </li>
        ) : (
          <li className="muted">
            Upload your {result.archive.name} as it is: the prov lists its SHA-256.
          </li>
        )}
        <li>
          <a href={result.prov.url} download={result.prov.name} data-testid="signed-prov">
            Download {result.prov.name}
          </a>
        </li>
      </ul>
      {result.unusualName ? (
        <p className="sign-warn">
          The archive is not named {chart.name}-{chart.version}.tgz: Helm looks a chart up by that
          name, so rename it before you sign it.
        </p>
      ) : null}
      <div
        className={`sign-verdict status-${check.status}`}
        data-testid="sign-verdict"
        data-status={check.status}
        data-signer-fingerprint={check.signerFingerprint ?? ''}
      >
        <p>
          <strong>{STATUS_WORDS[check.status] ?? check.status}</strong>: {check.headline}
        </p>
        <p className="muted">
          Checked here with the public key only, as a user would. Helm 4 would{' '}
          {check.helm4 === 'accept' ? 'accept' : 'reject'} it, Helm 3.17 would{' '}
          {check.helm3 === 'accept' ? 'accept' : 'reject'} it.
          {check.signerFingerprint ? (
            <>
              {' '}
              Signer <span className="mono break">{check.signerFingerprint}</span>.
            </>
          ) : null}
        </p>
      </div>
      <details className="more">
        <summary>What the archive holds ({result.entries.length} files)</summary>
        <pre className="prov-body" data-testid="signed-entries">
          {result.entries.join('\n')}
        </pre>
      </details>
      <NextSteps result={result} />
    </section>
  );
}

function NextSteps({ result }: { result: SignResult }) {
  const { next } = result;
  return (
    <div className="next-steps" data-testid="sign-next-steps">
      <h4>Next steps</h4>
      <ol>
        <li>
          Upload <code>{next.upload[0]}</code> and <code>{next.upload[1]}</code> side by side (same
          folder, same names), then update your repository index.
        </li>
        <li>
          Publish your public key where users can fetch it:{' '}
          <a
            href={result.publicKey.url}
            download={result.publicKey.name}
            data-testid="signed-public-key"
          >
            download key.asc
          </a>
          . Users of <code>helm verify</code> need it as a binary keyring:{' '}
          <code>gpg --dearmor &lt; key.asc &gt; key.gpg</code>.
        </li>
        <li>
          For Artifact Hub, add this to Chart.yaml (with your key’s real URL), then package and sign
          again:
          <pre className="prov-body" data-testid="sign-annotation">
            {next.annotation}
          </pre>
          <CopyButton text={next.annotation} label="Copy the annotation" />
        </li>
        <li>
          Print the fingerprint on your project page, so users can pin it:{' '}
          <span className="mono break" data-testid="sign-fingerprint">
            {next.fingerprintGrouped}
          </span>
        </li>
        <li>
          Users check the chart with <code>{next.verifyCommand}</code>, or by dropping both files
          and your key into chartproof.
        </li>
      </ol>
    </div>
  );
}

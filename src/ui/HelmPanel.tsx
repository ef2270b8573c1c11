// What Helm would answer for the same files: Helm 4 and Helm 3.17 `helm verify`, and Helm 4's
// `helm install --verify` (verification plus its chart loader), each with Helm's own message
// word for word and our plain reading of it; then how to hand Helm the key, and the lines
// `helm verify` prints when it accepts. Helm's answers are decided in the core (core/helm).
import { useId } from 'react';
import type { HelmVerdict, Verdict } from '../core/verdict/types';
import { CopyButton } from './CopyButton';
import { HelmKeyring } from './HelmKeyring';
import './helm.css';

const COMMANDS = [
  { id: 'v4', version: 'Helm 4', command: 'helm verify' },
  { id: 'v3', version: 'Helm 3.17', command: 'helm verify' },
  { id: 'install', version: 'Helm 4', command: 'helm install --verify' },
] as const;

const PILLS = {
  accept: { className: 'pill ok', text: 'would accept' },
  reject: { className: 'pill bad', text: 'would reject' },
  none: { className: 'pill', text: 'nothing to check' },
};

/** Why Helm has no answer of its own for these files. */
function emptyReason(v: Verdict): string {
  if (!v.archive) {
    return 'Helm verifies a chart archive with its prov beside it, and no archive was given.';
  }
  if (v.keyFiles.length === 0) {
    return 'No key was given, so Helm would check the signature against your own default keyring (~/.gnupg/pubring.gpg): its answer depends on the keys on your machine.';
  }
  return 'Helm has nothing to check for these files.';
}

const same = (a: HelmVerdict, b: HelmVerdict) =>
  a.answer === b.answer && a.why === b.why && a.explain === b.explain;

export function HelmPanel({
  verdict: v,
  keyring,
}: {
  verdict: Verdict;
  /** The keys given as a binary keyring, when Helm cannot read them as given. */
  keyring: Uint8Array | null;
}) {
  const answers = COMMANDS.map((c) => ({ ...c, helm: v.helm[c.id] }));
  const empty = answers.some((a) => a.helm.answer === null);
  const headingId = useId();
  return (
    <section className="helm" aria-labelledby={headingId}>
      <h3 id={headingId}>What Helm would say</h3>
      <ul className="helm-answers">
        {answers.map((a, i) => {
          // The three often agree word for word (a tampered archive): say it once.
          const earlier = answers.slice(0, i).find((b) => same(a.helm, b.helm));
          const pill = PILLS[a.helm.answer ?? 'none'];
          return (
            <li
              key={a.id}
              data-testid="helm-answer"
              data-command={a.id}
              data-answer={a.helm.answer ?? ''}
            >
              <span className="helm-command">
                {a.version} <code>{a.command}</code>
              </span>
              <span className={pill.className}>{pill.text}</span>
              {earlier && (a.helm.why || a.helm.explain) ? (
                <p className="helm-same muted">
                  Same message as {earlier.version} <code>{earlier.command}</code>.
                </p>
              ) : (
                <HelmMessage helm={a.helm} />
              )}
            </li>
          );
        })}
      </ul>
      {empty ? (
        <p className="helm-empty" data-testid="helm-empty">
          {emptyReason(v)}
        </p>
      ) : null}
      <HelmKeyring verdict={v} keyring={keyring} />
      {v.helmLines ? (
        <div className="helm-lines">
          <pre data-testid="helm-lines">{v.helmLines}</pre>
          <CopyButton text={v.helmLines} label="Copy" />
        </div>
      ) : null}
    </section>
  );
}

/** Helm's own words (as the binary prints them, after "Error: "), then ours. */
function HelmMessage({ helm }: { helm: HelmVerdict }) {
  return (
    <>
      {helm.why ? (
        <p className="helm-why">
          <code data-testid="helm-why">Error: {helm.why}</code>
        </p>
      ) : null}
      {helm.explain ? <p className="helm-explain">{helm.explain}</p> : null}
    </>
  );
}

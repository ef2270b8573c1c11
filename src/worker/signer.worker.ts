// The signer worker: the only place secret keys and passphrases exist. It reads key files
// the page hands over as Blobs, keeps the keys (and any it generates) in memory for this
// session, packages and signs charts, checks the result with the verifier's own evaluate,
// and hands back public facts and blob: URLs it made itself. Nothing is stored anywhere:
// the page terminates this worker on Reset and when the Sign view closes, which drops the
// keys and revokes every URL it made.

import type { PrivateKey } from 'openpgp';
import {
  chooseKey,
  keyFacts,
  makeKey,
  nextSteps,
  readSecretKeys,
  selfCheck,
  signChart,
  unlockKey,
  SignError,
  type ChartSource,
} from '../core/sign';
import { readChartArchive } from '../core/archive';
import type { ChartInput, Download, FromSigner, ToSigner } from './sign-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromSigner) => scope.postMessage(m);

/** Every secret key of this session, by primary fingerprint. */
const keys = new Map<string, PrivateKey>();

function download(name: string, bytes: Uint8Array | string, type: string): Download {
  const blob = new Blob([bytes as BlobPart], { type });
  return { name, url: URL.createObjectURL(blob), size: blob.size };
}

async function readChart(chart: ChartInput): Promise<ChartSource> {
  if (chart.kind === 'archive') {
    return {
      kind: 'archive',
      name: chart.name,
      bytes: new Uint8Array(await chart.blob.arrayBuffer()),
    };
  }
  const files = await Promise.all(
    chart.files.map(async (f) => ({
      path: f.path,
      data: new Uint8Array(await f.blob.arrayBuffer()),
      mtime: f.mtime,
    })),
  );
  return { kind: 'folder', name: chart.name, files };
}

async function readKey(m: Extract<ToSigner, { type: 'read-key' }>): Promise<FromSigner> {
  const found = await readSecretKeys(new Uint8Array(await m.blob.arrayBuffer()));
  for (const k of found) keys.set(k.getFingerprint().toUpperCase(), k);
  return {
    type: 'keys',
    req: m.req,
    file: m.name,
    keys: await Promise.all(found.map((k) => keyFacts(k))),
  };
}

async function generate(m: Extract<ToSigner, { type: 'generate' }>): Promise<FromSigner> {
  const made = await makeKey(m);
  keys.set(made.fingerprint, made.key);
  const base =
    made.userId
      .replace(/ <.*$/, '')
      .replace(/[^\w.-]+/g, '-')
      .toLowerCase() || 'key';
  return {
    type: 'generated',
    req: m.req,
    result: {
      key: await keyFacts(made.key),
      // key.asc and key.gpg: the names the next steps (and Artifact Hub's url) use.
      publicArmored: download('key.asc', made.publicArmored, 'application/pgp-keys'),
      publicBinary: download('key.gpg', made.publicBinary, 'application/pgp-keys'),
      secretArmored: download(`${base}-secret-key.asc`, made.secretArmored, 'application/pgp-keys'),
      revocation: download(`${base}-revocation.asc`, made.revocation, 'application/pgp-keys'),
    },
  };
}

async function sign(m: Extract<ToSigner, { type: 'sign' }>): Promise<FromSigner> {
  const stored = keys.get(m.fingerprint) ?? chooseKey([...keys.values()], m.fingerprint);
  const key = await unlockKey(stored, m.passphrase);
  keys.set(m.fingerprint, key); // unlocked for the rest of the session (this worker's life)
  const signed = await signChart(await readChart(m.chart), key);
  const publicKey = key.toPublic();
  const check = await selfCheck(signed, publicKey.write());
  const entries = readChartArchive(signed.archive).entries.map((e) => e.path);
  const md = signed.metadata;
  return {
    type: 'signed',
    req: m.req,
    key: await keyFacts(key),
    result: {
      archive: download(signed.archiveName, signed.archive, 'application/gzip'),
      prov: download(signed.provName, signed.prov, 'application/pgp-signature'),
      packaged: signed.packaged,
      chart: { name: md.name!, version: md.version!, appVersion: md.appVersion || null },
      fingerprint: signed.fingerprint,
      signingFingerprint: signed.signingFingerprint,
      unusualName: signed.unusualName,
      entries,
      check,
      next: nextSteps(signed.archiveName, signed.provName, signed.fingerprint),
      publicKey: download('key.asc', publicKey.armor(), 'application/pgp-keys'),
    },
  };
}

async function handle(m: ToSigner): Promise<FromSigner> {
  switch (m.type) {
    case 'read-key':
      return readKey(m);
    case 'generate':
      return generate(m);
    case 'sign':
      return sign(m);
  }
}

scope.onmessage = (ev: MessageEvent<ToSigner>) => {
  const m = ev.data;
  handle(m).then(post, (e: unknown) => {
    const known = e instanceof SignError;
    post({
      type: 'failed',
      req: m.req,
      code: known ? e.code : 'failed',
      message: e instanceof Error ? e.message : String(e),
      helm: known && e.helm,
    });
  });
};

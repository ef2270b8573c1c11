// What every case module shares: the key pool, the standard archive and its digest, the
// signer's plain certificate, and one helper that turns a short case description into the
// files a user would drop (archive, prov, key files).
import { certificate, keyPool, type Pool } from './keys';
import { chartArchive, sha256 } from './archives';
import {
  ARCHIVE_NAME,
  PROV_NAME,
  rng,
  type Case,
  type CaseFile,
  type Expect,
  type Rng,
} from './model';
import { clearsigned, filesYaml, helmBody, type ProvSpec } from './provs';

export interface Ctx {
  pool: Pool;
  r: Rng;
  archive: Uint8Array;
  sha: string;
  /** The signer's certificate: one user ID, one self-signature (certify + sign), no subkeys. */
  signerCert: Uint8Array;
  /** The standard body: metadata, "...", files naming the standard archive. */
  body: string;
}

export async function context(): Promise<Ctx> {
  const pool = await keyPool();
  const r = rng();
  const archive = chartArchive('none', r);
  const sha = sha256(archive);
  return {
    pool,
    r,
    archive,
    sha,
    signerCert: await certificate(pool.signer),
    body: helmBody(filesYaml(sha)),
  };
}

export interface CaseSpec {
  id: string;
  class: string;
  description: string;
  expect: Expect;
  gpgDiffers?: string;
  notes?: string;
  /** Prov knobs (default: the standard body signed once by the signer's primary key). */
  prov?: Partial<ProvSpec>;
  /** Key files (default: the signer's certificate as pub.gpg). */
  keys?: CaseFile[];
  archive?: Uint8Array;
}

export async function build(ctx: Ctx, s: CaseSpec): Promise<Case> {
  const prov = await clearsigned({
    body: ctx.body,
    sigs: [{ key: ctx.pool.signer }],
    ...s.prov,
  });
  const c: Case = {
    id: s.id,
    class: s.class,
    description: s.description,
    expect: s.expect,
    files: [
      { name: ARCHIVE_NAME, bytes: s.archive ?? ctx.archive },
      { name: PROV_NAME, bytes: prov },
      ...(s.keys ?? [{ name: 'pub.gpg', bytes: ctx.signerCert }]),
    ],
  };
  if (s.gpgDiffers) c.gpgDiffers = s.gpgDiffers;
  if (s.notes) c.notes = s.notes;
  return c;
}

/** Builds every spec in order (the order of the cases is part of their fixed shape). */
export async function buildAll(ctx: Ctx, specs: CaseSpec[]): Promise<Case[]> {
  const out: Case[] = [];
  for (const s of specs) out.push(await build(ctx, s));
  return out;
}

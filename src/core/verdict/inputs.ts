// What a drop's files are and what the small ones say: each file's role, every key file
// loaded and merged, every prov parsed, the index read. Small inputs are read whole; an
// archive is only ever read through its ByteSource (archive/archive-reader.ts).

import { bytesSource, readAll, type ByteSource } from '../archive/source';
import { sha256Hex } from '../archive/digest';
import { loadKeyFile, mergeKeyFiles, type KeyOrigin } from '../keys/keyring';
import { binaryKeyring } from '../helm';
import { goFindsBlock } from '../prov/clearsign';
import { ProvError, parseProv } from '../prov/prov';
import { readSignatures, SignatureReadError } from '../signature/signature';
import { RepoIndexError, parseRepoIndex, type RepoIndex } from '../repo/repo-index';
import { repoIndexProblemWords } from './words';
import { roleOf, type Role } from './pairing';
import type { KeyEvidence, ProvEvidence } from './evidence';

/** A dropped file: its bytes, or (in the worker, for files of any size) a source to read. */
export type InputFile = { id: string; name: string; origin: KeyOrigin } & (
  { bytes: Uint8Array } | { source: ByteSource }
);

export function sourceOf(f: InputFile): ByteSource {
  return 'source' in f ? f.source : bytesSource(f.bytes);
}

export function sizeOf(f: InputFile): number {
  return 'source' in f ? f.source.size : f.bytes.length;
}

const bytesOf = (f: InputFile): Promise<Uint8Array> =>
  'source' in f ? readAll(f.source) : Promise.resolve(f.bytes);

/** A role is told from the name and the first 64 KiB. */
export async function roleOfFile(f: InputFile): Promise<Role> {
  return roleOf(f.name, await sourceOf(f).read(0, 65536));
}

export interface ReadFile {
  file: InputFile;
  bytes: Uint8Array;
}

export const readWhole = async (file: InputFile): Promise<ReadFile> => ({
  file,
  bytes: await bytesOf(file),
});

/** The keys of a drop, plus what Helm would be handed; the same object for the same files. */
export interface KeySet {
  evidence: KeyEvidence;
  /** The keys as one binary keyring (what `helm verify --keyring` reads), or null. */
  exported: Uint8Array | null;
}

/**
 * Loads every key file and merges the keys. With a cache (the worker's) the same key files
 * — told apart by SHA-256 and origin — give back the very same KeySet, so parsed keys and
 * their verified self-signatures (signature.ts caches per key set) are reused across drops.
 */
export async function loadKeySet(
  files: ReadFile[],
  cache?: Map<string, Promise<KeySet>>,
): Promise<KeySet> {
  const inputs = await Promise.all(
    files.map(async ({ file, bytes }) => ({
      role: 'key' as const,
      name: file.name,
      size: bytes.length,
      sha256: await sha256Hex(bytes),
    })),
  );
  const id = files.map((f, i) => `${inputs[i]!.sha256}:${f.file.origin}:${f.file.name}`).join();
  const cached = cache?.get(id);
  if (cached) return cached;
  const made = (async (): Promise<KeySet> => {
    const reports = await Promise.all(
      files.map((f) => loadKeyFile(f.file.name, f.bytes, f.file.origin)),
    );
    const keys = await mergeKeyFiles(reports);
    return {
      evidence: { files: reports, keys, inputs, raw: files.map((f) => f.bytes) },
      exported: keys.length > 0 ? binaryKeyring(keys) : null,
    };
  })();
  cache?.set(id, made);
  made.catch(() => cache?.delete(id));
  return made;
}

export interface ProvRead {
  file: InputFile;
  prov: ProvEvidence['prov'];
  evidence: ProvEvidence;
}

export async function readProv({ file, bytes }: ReadFile): Promise<ProvRead> {
  const base = {
    name: file.name,
    size: bytes.length,
    sha256: await sha256Hex(bytes),
    goFindsBlock: goFindsBlock(bytes),
  };
  let prov: ProvEvidence['prov'] = null;
  try {
    prov = parseProv(bytes);
    const signature = await readSignatures(prov.signatureArmor);
    return { file, prov, evidence: { ...base, prov, error: null, signature } };
  } catch (e) {
    if (!(e instanceof ProvError) && !(e instanceof SignatureReadError)) throw e;
    return { file, prov, evidence: { ...base, prov, error: e, signature: null } };
  }
}

/** The first index.yaml given (a drop holds one repository). */
export async function readIndex(
  files: InputFile[],
): Promise<{ index: RepoIndex | null; error: string | null }> {
  const file = files[0];
  if (!file) return { index: null, error: null };
  try {
    return { index: parseRepoIndex(file.name, await bytesOf(file)), error: null };
  } catch (e) {
    if (!(e instanceof RepoIndexError)) throw e;
    return { index: null, error: repoIndexProblemWords(e.problem) };
  }
}

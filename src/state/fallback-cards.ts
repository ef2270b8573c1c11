// The cards shown when checking itself failed before the worker said which files are charts
// (it died, or threw, before its plan): one per chart archive and one per orphan prov, as
// the testing contract has it, never one for a key, an index.yaml or a left-alone file.
// Each file's role is read as the worker reads it (core/verdict/pairing.ts: its name and
// first bytes); provs are paired by name as the worker pairs them first. A prov left over
// while archives are left over too may belong to one of them (by the hash it lists, or by
// chart name and version, which only the worker can tell), so it gets no card of its own.
import { pairFiles, roleOf } from '../core/verdict/pairing';

/** What the sniffing reads of each file, as the worker does (evaluate.ts). */
const HEAD = 65536;

export interface FallbackFile {
  id: string;
  name: string;
  blob: Blob;
}

export interface FallbackCard {
  id: string;
  archive: string | null;
  prov: string | null;
}

export async function fallbackCards(files: readonly FallbackFile[]): Promise<FallbackCard[]> {
  const roles = await Promise.all(
    files.map(async (f) => {
      const head = await f.blob
        .slice(0, HEAD)
        .arrayBuffer()
        .catch(() => new ArrayBuffer(0)); // unreadable: its name alone says what it is
      return roleOf(f.name, new Uint8Array(head));
    }),
  );
  const archives = files.filter((_, i) => roles[i] === 'archive');
  const provs = files.filter((_, i) => roles[i] === 'prov');
  const pairs = pairFiles(
    archives.map(({ id, name }) => ({ id, name, sha256: '' })),
    provs.map(({ id, name }) => ({ id, name, hashes: [], chart: null })),
  );
  const unpairedArchives = pairs.filter((p) => p.archive && !p.prov).length;
  const orphans = pairs.filter((p) => !p.archive).slice(unpairedArchives);
  return [...pairs.filter((p) => p.archive), ...orphans].map(({ archive, prov }) => ({
    id: archive?.id ?? prov!.id,
    archive: archive?.name ?? null,
    prov: prov?.name ?? null,
  }));
}

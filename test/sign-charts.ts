// Chart folders and archives for the signer's tests, made by the real tools: `helm create`,
// the fixture corpus's archives unpacked with tar, and `helm package` as the reference.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { FolderFile } from '../src/core/sign';
import { FIXTURES } from './fixtures';
import { runHelm } from './oracle/helm';
import { runProc } from './oracle/proc';

/** Every file below `dir` as the page gives them to the signer (paths relative, "/"). */
export function readFolder(dir: string): FolderFile[] {
  const out: FolderFile[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) visit(p);
      else
        out.push({
          path: relative(dir, p),
          data: new Uint8Array(readFileSync(p)),
          mtime: st.mtimeMs,
        });
    }
  };
  visit(dir);
  return out;
}

/** `helm create NAME` in `dir` with the given binary; returns the chart folder. */
export async function helmCreate(helm: string, dir: string, name: string): Promise<string> {
  const r = await runHelm(helm, ['create', join(dir, name)], dir);
  if (r.answer !== 'accept') throw new Error(`helm create failed: ${r.stderr}`);
  return join(dir, name);
}

/** `helm package FOLDER -d OUT`: the archive's path, or Helm's error message. */
export async function helmPackage(
  helm: string,
  folder: string,
  out: string,
  home: string,
): Promise<{ path: string } | { error: string }> {
  await mkdir(out, { recursive: true });
  const r = await runHelm(helm, ['package', folder, '-d', out], home);
  if (r.answer !== 'accept') return { error: r.why ?? r.stderr };
  const tgz = (await readdir(out)).find((f) => f.endsWith('.tgz'));
  return { path: join(out, tgz!) };
}

/** The fixture corpus's chart archives that tar can unpack, each unpacked into `dir`. */
export async function fixtureFolders(dir: string): Promise<{ id: string; folder: string }[]> {
  const generated = join(FIXTURES, 'generated');
  const out: { id: string; folder: string }[] = [];
  for (const id of readdirSync(generated).sort()) {
    const caseDir = join(generated, id);
    if (!statSync(caseDir).isDirectory()) continue;
    for (const tgz of readdirSync(caseDir).filter((f) => f.endsWith('.tgz'))) {
      const target = join(dir, id);
      await mkdir(target, { recursive: true });
      const r = await runProc('tar', ['xzf', join(caseDir, tgz), '-C', target]);
      const tops = existsSync(target) ? readdirSync(target) : [];
      if (r.code === 0 && tops.length === 1) out.push({ id, folder: join(target, tops[0]!) });
    }
  }
  return out;
}

/** `tar tzf`'s listing. */
export async function tarList(tgz: string): Promise<string[]> {
  const r = await runProc('tar', ['tzf', tgz]);
  return r.stdout.toString('utf8').split('\n').filter(Boolean);
}

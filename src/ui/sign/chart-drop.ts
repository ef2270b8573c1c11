// What the maintainer gives as the chart: a folder (picked with a folder input, or dropped)
// whose files keep their paths inside it, or one .tgz. A folder's first path segment is the
// chart folder itself, which Helm names in its messages.
import type { ChosenChart } from './sign-state';

/** A folder can hold a chart's own subcharts and files; this bounds a mistaken drop of $HOME. */
const MAX_FILES = 10_000;

/** From a webkitdirectory input: paths are "FOLDER/sub/file". */
export function chartFromFolderInput(files: File[]): ChosenChart | null {
  const withPaths = files.map((file) => ({ file, path: file.webkitRelativePath || file.name }));
  return chartFromPaths(withPaths);
}

function chartFromPaths(files: { file: File; path: string }[]): ChosenChart | null {
  if (files.length === 0) return null;
  const folder = files[0]!.path.split('/')[0]!;
  const inside = files
    .filter((f) => f.path.startsWith(`${folder}/`))
    .slice(0, MAX_FILES)
    .map((f) => ({ file: f.file, path: f.path.slice(folder.length + 1) }));
  return { kind: 'folder', name: folder, files: inside };
}

/** From a drop: one folder (walked, paths kept) or one .tgz. Call during the drop event. */
export async function chartFromDrop(dt: DataTransfer): Promise<ChosenChart | null> {
  const entry = Array.from(dt.items ?? [])
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .find((e): e is FileSystemEntry => e !== null);
  if (entry?.isDirectory) {
    return chartFromPaths(await walk(entry as FileSystemDirectoryEntry));
  }
  const file = dt.files[0];
  return file ? { kind: 'archive', name: file.name, file } : null;
}

async function walk(root: FileSystemDirectoryEntry): Promise<{ file: File; path: string }[]> {
  const out: { file: File; path: string }[] = [];
  const queue: FileSystemEntry[] = [root];
  while (queue.length > 0 && out.length < MAX_FILES) {
    const entry = queue.shift()!;
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) =>
        (entry as FileSystemFileEntry).file(ok, fail),
      );
      out.push({ file, path: entry.fullPath.replace(/^\//, '') });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries answers in batches until it answers none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((ok, fail) =>
          reader.readEntries(ok, fail),
        );
        if (batch.length === 0) break;
        queue.push(...batch);
      }
    }
  }
  return out;
}

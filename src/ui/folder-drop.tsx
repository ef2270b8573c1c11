// A chart repository arrives as a folder: dropped (the drop's entries are walked, since
// DataTransfer.files lists a folder as one unreadable item) or picked with a folder picker.
import { intakeRef } from './file-intake';

const MAX_FILES = 20_000;

/**
 * Must be called during the drop event: the entries are gone once it returns. Plain files
 * come back at once (their check starts within the event), a folder's once it is walked.
 */
export function filesFromDrop(dt: DataTransfer): File[] | Promise<File[]> {
  const entries = Array.from(dt.items ?? [])
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0 || entries.every((e) => e.isFile)) return Array.from(dt.files);
  return walk(entries);
}

async function walk(entries: FileSystemEntry[]): Promise<File[]> {
  const files: File[] = [];
  const queue = [...entries];
  while (queue.length && files.length < MAX_FILES) {
    const entry = queue.shift()!;
    if (entry.isFile) {
      files.push(
        await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail)),
      );
    } else if (entry.isDirectory) {
      queue.push(...(await readAll((entry as FileSystemDirectoryEntry).createReader())));
    }
  }
  return files;
}

/** readEntries answers in batches (about 100 at a time in Chromium) until it answers none. */
async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

const takeFolder = intakeRef(MAX_FILES, (input) => input.setAttribute('webkitdirectory', ''));

/** "Choose a folder…": every file in it (and below) is given, as when it is dropped. */
export function FolderPicker() {
  return (
    <label className="picker">
      <input
        type="file"
        multiple
        className="visually-hidden"
        data-testid="folder-input"
        ref={takeFolder}
      />
      <span className="button">Choose a folder…</span>
    </label>
  );
}

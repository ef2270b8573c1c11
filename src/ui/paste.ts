// Ctrl+V / Cmd+V anywhere on the page adds what the clipboard holds: files like a drop, or
// the text of an armored key or a clearsigned prov as a file. Text fields keep their own paste.
import { useEffect, useState } from 'react';
import { useStore } from '../state/store';
import { parsePin } from '../core/keys/pin';

const KEY_BLOCK = /-----BEGIN PGP (?:PUBLIC|PRIVATE) KEY BLOCK-----/;
const ARCHIVE = /\.(tgz|tar\.gz)$/i;
// As in core/prov and core/pairing, restated: importing those would pull the YAML parser
// into the first page load.
const PROV_MARKER = '-----BEGIN PGP SIGNED MESSAGE-----';
const archiveStem = (name: string) => name.replace(ARCHIVE, '').replace(/ \(\d+\)$/, '');

/** Fields where the user pastes text for themselves (the key textarea, the pin field). */
function ownsPaste(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement && !['file', 'button', 'checkbox'].includes(target.type)
  );
}

/**
 * The name a pasted prov gets: `<archive>.prov` for the archive its metadata names
 * (NAME-VERSION.tgz), or for the only archive when it has no prov yet; else `pasted.prov`.
 * Pairing would match it by hash or chart anyway; the name makes the file list readable.
 */
export function provName(text: string, files: string[]): string {
  const field = (k: string) => new RegExp(`^${k}:[ \\t]*["']?([^"'\\s]+)`, 'm').exec(text)?.[1];
  const chart = `${field('name')}-${field('version')}`;
  const archives = files.filter((f) => ARCHIVE.test(f));
  const named = archives.find((a) => archiveStem(a) === chart);
  const lone =
    archives.length === 1 && !files.some((f) => f.endsWith('.prov')) ? archives[0] : undefined;
  const archive = named ?? lone;
  if (archive) return `${archive}.prov`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'pasted.prov' : `pasted-${n}.prov`;
    if (!files.includes(name)) return name;
  }
}

/** Adds the clipboard's contents; returns the sentence telling the user what happened. */
function addFromClipboard(data: DataTransfer): string {
  const store = useStore.getState();
  const files = Array.from(data.files);
  if (files.length) {
    store.addFiles(files);
    return `Pasted ${files.length === 1 ? 'a file' : `${files.length} files`}: ${files.map((f) => f.name).join(', ')}.`;
  }
  const text = data.getData('text/plain');
  if (text.includes(PROV_MARKER)) {
    const name = provName(
      text,
      store.files.map((f) => f.name),
    );
    store.addFiles([new File([text], name, { type: 'text/plain' })]);
    return `Pasted a provenance file, added as ${name}.`;
  }
  if (KEY_BLOCK.test(text)) {
    store.addKeyText(text);
    return `Pasted an armored key, added as ${useStore.getState().files.at(-1)?.name ?? 'a key'}.`;
  }
  if (parsePin(text)?.kind === 'fingerprint') {
    return 'The pasted text is a key fingerprint, not a key: enter it under “Expected signer” to pin that signer.';
  }
  return text.trim()
    ? 'The pasted text is neither a PGP key nor a signed .prov: nothing was added.'
    : 'Nothing to paste: the clipboard holds no files and no text.';
}

/** Listens for paste on the whole page; returns the latest status line (empty after reset). */
export function usePaste(): string {
  const [note, setNote] = useState('');
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (!e.clipboardData || ownsPaste(e.target)) return;
      e.preventDefault();
      setNote(addFromClipboard(e.clipboardData));
    };
    document.addEventListener('paste', onPaste);
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.files.length === 0 && prev.files.length) setNote('');
    });
    return () => {
      document.removeEventListener('paste', onPaste);
      unsubscribe();
    };
  }, []);
  return note;
}

// The files given, each removable. Many files (a repository) collapse to a count with a
// "show files" toggle, so the results come first; the site's own keys are always listed.
import { useState } from 'react';
import { useStore, type GivenFile } from '../state/store';

/** More files than this collapse to a count. */
export const COLLAPSE_OVER = 5;

function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1 << 20)).toFixed(1)} MiB`;
}

function Given({ file: f, hidden }: { file: GivenFile; hidden: boolean }) {
  const removeFile = useStore((s) => s.removeFile);
  return (
    <li data-testid="given-file" hidden={hidden}>
      <span className="file-name">{f.name}</span> <span className="muted">{size(f.size)}</span>
      <button
        type="button"
        className="link"
        onClick={() => removeFile(f.id)}
        aria-label={`Remove ${f.name}`}
      >
        remove
      </button>
    </li>
  );
}

export function FileList() {
  const files = useStore((s) => s.files);
  const shipped = useStore((s) => s.shipped);
  const removeFile = useStore((s) => s.removeFile);
  const [open, setOpen] = useState(false);
  if (files.length === 0 && shipped.length === 0) return null;
  const collapsed = files.length > COLLAPSE_OVER;
  const total = files.reduce((n, f) => n + f.size, 0);
  return (
    <>
      {collapsed ? (
        <p className="files-count" data-testid="file-count" data-count={files.length}>
          {files.length} files given ({size(total)}){' '}
          <button
            type="button"
            className="link"
            aria-expanded={open}
            aria-controls="given-files"
            data-testid="show-files"
            onClick={() => setOpen(!open)}
          >
            {open ? 'hide files' : 'show files'}
          </button>
        </p>
      ) : null}
      <ul className="files" aria-label="Files given" id="given-files">
        {/* Publisher mode: the site's own keys, used with every check; Reset keeps them. */}
        {shipped.map((f) => (
          <li key={f.id} data-testid="shipped-file">
            <span className="file-name">{f.name}</span>{' '}
            <span className="muted">key shipped with this site · {size(f.size)}</span>
            <button
              type="button"
              className="link"
              onClick={() => removeFile(f.id)}
              aria-label={`Remove ${f.name} until the page is reloaded`}
            >
              remove
            </button>
          </li>
        ))}
        {/* Collapsed files stay in the DOM (hidden), like collapsed folders in the file tree. */}
        {files.map((f) => (
          <Given key={f.id} file={f} hidden={collapsed && !open} />
        ))}
      </ul>
    </>
  );
}

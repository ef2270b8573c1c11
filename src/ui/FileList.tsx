// The files given, each removable. Many files (a repository) collapse to a count with a
// "show files" toggle, so the results come first; the site's own keys are always listed.
// Collapsed rows are not built at all until asked for: 10,001 hidden rows for a repository of
// 5,000 charts held the page's heap and its garbage collector (a 130 ms pause traced while
// the cards came in, issue 13). Shown, the list renders deferred (a transition React may
// interrupt), a few hundred rows at a time.
import { memo, startTransition, useDeferredValue, useEffect, useState } from 'react';
import { useStore, type GivenFile } from '../state/store';

/** More files than this collapse to a count. */
export const COLLAPSE_OVER = 5;

function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1 << 20)).toFixed(1)} MiB`;
}

type Remove = (id: string) => void;

const Given = memo(function Given({ file: f, remove }: { file: GivenFile; remove: Remove }) {
  return (
    <li data-testid="given-file">
      <span className="file-name">{f.name}</span> <span className="muted">{size(f.size)}</span>
      <button
        type="button"
        className="link"
        onClick={() => remove(f.id)}
        aria-label={`Remove ${f.name}`}
      >
        remove
      </button>
    </li>
  );
});

/** Rows added to the DOM per commit: a repository's 4,001 rows at once took 200 ms. */
const ROWS_PER_COMMIT = 250;

/**
 * The given files' rows, added a few hundred per commit until all are there. memo: the
 * urgent render after a drop skips it (it still has the old list, useDeferredValue).
 */
const GivenFiles = memo(function GivenFiles({
  files,
  remove,
}: {
  files: GivenFile[];
  remove: Remove;
}) {
  const [rendered, setRendered] = useState(ROWS_PER_COMMIT);
  useEffect(() => {
    if (rendered >= files.length) return;
    const next = setTimeout(() => startTransition(() => setRendered(rendered + ROWS_PER_COMMIT)));
    return () => clearTimeout(next);
  }, [rendered, files.length]);
  return files.slice(0, rendered).map((f) => <Given key={f.id} file={f} remove={remove} />);
});

export function FileList() {
  const files = useStore((s) => s.files);
  const shipped = useStore((s) => s.shipped);
  const removeFile = useStore((s) => s.removeFile);
  const arriving = useStore((s) => s.arriving);
  const listed = useDeferredValue(files);
  const [open, setOpen] = useState(false);
  if (files.length === 0 && shipped.length === 0 && arriving === 0) return null;
  const collapsed = files.length > COLLAPSE_OVER;
  const total = files.reduce((n, f) => n + f.size, 0);
  return (
    <>
      {arriving > 0 ? (
        <p className="files-count" role="status" data-testid="files-arriving">
          Taking in {arriving} files…
        </p>
      ) : null}
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
        {collapsed && !open ? null : <GivenFiles files={listed} remove={removeFile} />}
      </ul>
    </>
  );
}

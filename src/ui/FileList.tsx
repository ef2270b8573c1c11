import { useStore } from '../state/store';

function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1 << 20)).toFixed(1)} MiB`;
}

export function FileList() {
  const files = useStore((s) => s.files);
  const shipped = useStore((s) => s.shipped);
  const removeFile = useStore((s) => s.removeFile);
  if (files.length === 0 && shipped.length === 0) return null;
  return (
    <ul className="files" aria-label="Files given">
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
      {files.map((f) => (
        <li key={f.id} data-testid="given-file">
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
      ))}
    </ul>
  );
}

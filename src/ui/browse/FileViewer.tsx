// Shows one file from the archive: text with line numbers and highlighting, README.md
// rendered through the sanitizer, binary as size + hex, links as links; always downloadable.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { OpenedContents } from '../../worker/protocol';
import { contentsProblemWords } from '../../core/verdict/words';
import { useStore } from '../../state/store';
import type { TarEntry } from '../../core/archive/chart-archive';
import { BlobLink } from '../download';
import { BreakableName } from './BreakableName';
import { SafeHtml } from './SafeHtml';
import { highlightLines, languageOf } from './highlight';
import { renderMarkdown } from './markdown';
import { formatMode, formatSize } from './tree-model';

const PREVIEW = 200 * 1024;
// A subchart (charts/*.tgz) opens as an archive of its own, read in the worker.
const ArchiveBrowser = lazy(() => import('./ArchiveBrowser'));

function NestedChart({ data }: { data: Uint8Array }) {
  const openNested = useStore((s) => s.openNested);
  const [opened, setOpened] = useState<{
    data: Uint8Array;
    contents: OpenedContents | Error;
  } | null>(null);
  useEffect(() => {
    let live = true;
    openNested(data).then(
      (contents) => live && setOpened({ data, contents }),
      (e: Error) => live && setOpened({ data, contents: e }),
    );
    return () => {
      live = false;
    };
  }, [data, openNested]);
  const result = opened?.data === data ? opened.contents : null;
  if (!result) {
    return (
      <p className="muted" role="status">
        Reading the subchart…
      </p>
    );
  }
  const problem = result instanceof Error ? result.message : contentsProblemWords(result);
  if (problem || result instanceof Error || !result.listing) {
    return (
      <p role="alert" data-testid="nested-error">
        This subchart cannot be read: {problem}
      </p>
    );
  }
  return (
    <div className="nested" data-testid="nested-chart">
      <Suspense fallback={null}>
        <ArchiveBrowser listing={result.listing} chart={result.chart} nested />
      </Suspense>
    </div>
  );
}
const utf8 = new TextDecoder('utf-8', { fatal: true });

function asText(data: Uint8Array): string | null {
  try {
    return utf8.decode(data).replace(/^\ufeff/, '');
  } catch {
    return null;
  }
}

function hex(data: Uint8Array): string {
  const rows: string[] = [];
  for (let i = 0; i < Math.min(data.length, 512); i += 16) {
    const bytes = [...data.subarray(i, i + 16)];
    const h = bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const a = bytes.map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${i.toString(16).padStart(8, '0')}  ${h.padEnd(47)}  ${a}`);
  }
  return rows.join('\n');
}

export function FileViewer({ entry }: { entry: TarEntry }) {
  const [all, setAll] = useState(false);
  const [rendered, setRendered] = useState(true);
  const [nested, setNested] = useState(false);
  const isArchive = /\.(tgz|tar\.gz)$/i.test(entry.path) && entry.data?.[0] === 0x1f;
  const data = entry.data;
  const text = useMemo(() => (data ? asText(data) : null), [data]);
  const shown = text !== null && !all && text.length > PREVIEW ? text.slice(0, PREVIEW) : text;
  const isMarkdown = /\.md$/i.test(entry.path);
  const md = useMemo(
    () => (isMarkdown && rendered && shown !== null ? renderMarkdown(shown) : null),
    [isMarkdown, rendered, shown],
  );
  const html = md && 'html' in md ? md.html : null;
  const lines = useMemo(
    () => (shown !== null && html === null ? highlightLines(shown, languageOf(entry.path)) : []),
    [shown, entry.path, html],
  );
  const name = entry.path.split('/').pop() ?? 'file';
  return (
    <section
      className="viewer chart-frame"
      aria-label={`Chart file ${entry.path}`}
      data-testid="viewer"
      data-path={entry.path}
    >
      <header className="viewer-head frame-head">
        <span className="frame-label">Chart file</span>
        <BreakableName className="frame-path mono" text={entry.path} title={entry.path} />
        <span className="frame-meta">
          {formatSize(entry.size)} · {formatMode(entry.mode)}
        </span>
        {isMarkdown && text !== null ? (
          <button type="button" className="small" onClick={() => setRendered(!rendered)}>
            {rendered ? 'Show source' : 'Show rendered'}
          </button>
        ) : null}
        {isArchive ? (
          <button
            type="button"
            className="small"
            onClick={() => setNested(!nested)}
            data-testid="open-nested"
          >
            {nested ? 'Close subchart' : 'Open as chart'}
          </button>
        ) : null}
        {data ? (
          <BlobLink className="button small" data={data} download={name}>
            Download
          </BlobLink>
        ) : null}
      </header>
      {md && 'refused' in md ? (
        <p className="muted" data-testid="markdown-refused">
          Shown as source, not rendered: {md.refused}.
        </p>
      ) : null}
      {nested && data ? (
        <NestedChart data={data} />
      ) : entry.type === 'symlink' || entry.type === 'hardlink' ? (
        <p>
          A link to <code>{entry.linkTarget}</code>. Links are shown, never followed.
        </p>
      ) : entry.type === 'dir' ? (
        <p>A folder.</p>
      ) : !data ? (
        <p>
          This file is {formatSize(entry.size)}, over the size limit for viewing; its contents were
          not read.
        </p>
      ) : text === null ? (
        <pre className="hex" data-testid="hex" tabIndex={0}>
          {hex(data)}
        </pre>
      ) : html !== null ? (
        <SafeHtml className="markdown" html={html} />
      ) : (
        <ol className="code" data-testid="code" tabIndex={0} aria-label={`${name}, source`}>
          {lines.map((line, i) => (
            <li key={i}>
              <SafeHtml className="line" html={line || ' '} />
            </li>
          ))}
        </ol>
      )}
      {entry.truncated ? <p className="muted">Only the first part of this file was read.</p> : null}
      {shown !== null && text !== null && shown.length < text.length ? (
        <button type="button" onClick={() => setAll(true)}>
          Show all {formatSize(text.length)}
        </button>
      ) : null}
    </section>
  );
}

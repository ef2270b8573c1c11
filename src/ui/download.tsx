// Saving bytes the page made or read, without a server: blob: URLs only (the CSP's sources are
// 'self' and blob:/data:, and nothing leaves the tab). One place for both ways the page offers a
// file: a button that saves at once, and a link that stays while its component is shown.
import { useEffect, useRef, type ReactNode } from 'react';

/** Saves `blob` as `name` at once (a button's click), then lets the URL go. */
export function saveFile(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoke later: the browser starts reading the URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface BlobLinkProps {
  data: Uint8Array;
  /** The file name the browser saves under. */
  download: string;
  type?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * An <a download> for `data`, its blob: URL revoked when the data changes or the link goes away
 * (a card reset or replaced). The URL is set on the element, not held in state: StrictMode's
 * second mount makes a fresh one instead of reusing a revoked URL. It is made in a task of its
 * own: the Blob and its URL are two round trips to the browser (~1 ms in a trace of a small
 * drop), and a store update renders the card synchronously, its effects too, so they would
 * hold the verdict's first paint.
 */
export function BlobLink({
  data,
  download,
  type = '',
  className,
  testId,
  children,
}: BlobLinkProps) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    let url: string | null = null;
    const later = setTimeout(() => {
      url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type }));
      link.current?.setAttribute('href', url);
    });
    return () => {
      clearTimeout(later);
      if (url) URL.revokeObjectURL(url);
    };
  }, [data, type]);
  return (
    <a ref={link} className={className} download={download} data-testid={testId}>
      {children}
    </a>
  );
}

// A long results table renders only the rows in view of its scrolling box (.table-scroll,
// at most 60vh high) and a few around them; spacer rows above and below keep the scrollbar
// true. The rows' height is measured from those rendered (it differs where rows are stacked,
// under 600 px), so a repository of 5,000 charts costs a few dozen rows per update.
import { useEffect, useState, type RefObject } from 'react';

/** Tables of more rows than this are windowed; smaller ones render every row. */
export const WINDOW_OVER = 100;
/** Rows rendered beyond each edge of the box, so a quick scroll shows no blank. */
const OVERSCAN = 12;
const GUESSED_ROW_PX = 36;

export interface RowWindow {
  first: number;
  /** One past the last row rendered. */
  end: number;
  /** Heights of the spacers standing in for the rows before `first` and after `end`. */
  before: number;
  after: number;
}

export function useRowWindow(count: number, box: RefObject<HTMLElement | null>): RowWindow {
  const windowed = count > WINDOW_OVER;
  const [view, setView] = useState({ top: 0, height: 600, rowPx: GUESSED_ROW_PX });

  useEffect(() => {
    const el = box.current;
    if (!windowed || !el) return;
    let frame = 0;
    // The box's scroll and size, and the rendered rows' mean height, once per frame.
    const read = () => {
      frame = 0;
      const rows = el.querySelectorAll<HTMLElement>('tbody tr[data-testid="batch-row"]');
      let sum = 0;
      rows.forEach((r) => (sum += r.offsetHeight));
      setView((v) => {
        const measured = rows.length && sum > 0 ? sum / rows.length : v.rowPx;
        const rowPx = Math.abs(measured - v.rowPx) > 1 ? measured : v.rowPx;
        const next = { top: el.scrollTop, height: el.clientHeight, rowPx };
        return next.top === v.top && next.height === v.height && rowPx === v.rowPx ? v : next;
      });
    };
    const later = () => (frame ||= requestAnimationFrame(read));
    el.addEventListener('scroll', later, { passive: true });
    // Read where layout is fresh (a resize observer's callback runs after it, and observing
    // calls it once at once): read in an animation frame after new rows came in, the sizes
    // forced a layout of their own (36 ms of a 2,000-chart drop's frame).
    const resized = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      read();
    });
    resized.observe(el);
    const body = el.querySelector('tbody');
    if (body) resized.observe(body);
    return () => {
      el.removeEventListener('scroll', later);
      resized.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [windowed, box]);

  if (!windowed) return { first: 0, end: count, before: 0, after: 0 };
  const { top, height, rowPx } = view;
  const first = Math.max(0, Math.min(count, Math.floor(top / rowPx) - OVERSCAN));
  const end = Math.max(first, Math.min(count, Math.ceil((top + height) / rowPx) + OVERSCAN));
  return { first, end, before: first * rowPx, after: (count - end) * rowPx };
}

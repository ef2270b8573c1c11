// While the Sign view is shown, a drop anywhere on the page is the chart to sign. The verify
// view's DropZone listens on the window too; these listeners run first (capture phase) and
// stop the event there, so its overlay and its file list never see a drop meant for signing.
import { useEffect, useState } from 'react';
import { chartFromDrop } from './chart-drop';
import { useSignStore } from './sign-state';

export function useChartDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    let depth = 0;
    const take = (e: DragEvent) => {
      if (!hasFiles(e)) return false;
      e.preventDefault();
      e.stopPropagation();
      return true;
    };
    const enter = (e: DragEvent) => {
      if (take(e)) setOver(++depth > 0);
    };
    const leave = (e: DragEvent) => {
      if (take(e)) setOver(--depth > 0);
    };
    const drop = (e: DragEvent) => {
      if (!take(e) || !e.dataTransfer) return;
      depth = 0;
      setOver(false);
      void chartFromDrop(e.dataTransfer).then((c) => c && useSignStore.getState().setChart(c));
    };
    const events: [string, (e: DragEvent) => void][] = [
      ['dragenter', enter],
      ['dragover', take],
      ['dragleave', leave],
      ['drop', drop],
    ];
    for (const [name, fn] of events) window.addEventListener(name, fn as EventListener, true);
    return () => {
      for (const [name, fn] of events) window.removeEventListener(name, fn as EventListener, true);
    };
  }, []);
  return over;
}

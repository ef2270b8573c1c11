// The whole page accepts dropped files; the picker offers the same by keyboard or click, and
// pasting (Ctrl+V / Cmd+V) anywhere does too, with a status line saying what was added.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from '../state/store';
import { usePaste } from './paste';
import { filesFromDrop } from './folder-drop';
import { intakeRef } from './file-intake';

const takeChosenFiles = intakeRef();

export function DropZone({ children }: { children: ReactNode }) {
  const addFiles = useStore((s) => s.addFiles);
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current++;
      setOver(true);
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      if (!e.dataTransfer) return;
      // Plain files are given within the drop event itself; a folder must be walked first.
      const files = filesFromDrop(e.dataTransfer);
      if (Array.isArray(files)) addFiles(files);
      else void files.then(addFiles);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, [addFiles]);

  return (
    <div className={over ? 'page dragging' : 'page'}>
      {children}
      {over ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop the chart (.tgz), its .prov and the public key</p>
        </div>
      ) : null}
    </div>
  );
}

function Picker() {
  const pasted = usePaste();
  return (
    <>
      <label className="picker">
        <input
          type="file"
          multiple
          data-testid="file-input"
          className="visually-hidden"
          ref={takeChosenFiles}
        />
        <span className="button primary">Choose files…</span>
      </label>
      <span className="paste-note" role="status" data-testid="paste-note">
        {pasted}
      </span>
    </>
  );
}

DropZone.Picker = Picker;

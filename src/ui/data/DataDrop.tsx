import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dropOffer, readDropped } from './droppedFiles';

const carriesFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * Drag and drop of a data folder or files onto the map (the element this is rendered in):
 * the dropped files take the same path as the open-folder button. Shows a hint while dragging.
 */
export function DataDrop({ onFiles }: { onFiles: (files: File[], skipped: string[]) => void }) {
  const { t } = useTranslation(['translation', 'dataCheck']);
  const anchor = useRef<HTMLSpanElement>(null);
  const [over, setOver] = useState(false);
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    const target = anchor.current?.parentElement;
    if (!target) return;
    let depth = 0; // dragenter/dragleave fire for every child crossed
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overHandler = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // allow the drop
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const offer = dropOffer(e.dataTransfer); // now: the items are gone after this handler
      if (offer.entries.length === 0 && offer.files.length === 0) return;
      void readDropped(offer).then(
        ({ files, skipped }) => onFilesRef.current(files, skipped),
        () => onFilesRef.current([], []), // unreadable drop: the engine names the missing manifest.json
      );
    };
    target.addEventListener('dragenter', enter);
    target.addEventListener('dragover', overHandler);
    target.addEventListener('dragleave', leave);
    target.addEventListener('drop', drop);
    return () => {
      target.removeEventListener('dragenter', enter);
      target.removeEventListener('dragover', overHandler);
      target.removeEventListener('dragleave', leave);
      target.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <span ref={anchor} className="data-drop-anchor">
      {over && (
        <div className="data-drop" data-testid="data-drop">
          <div className="data-drop-box">{t('dataCheck:drop')}</div>
        </div>
      )}
    </span>
  );
}

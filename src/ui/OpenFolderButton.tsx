import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Open a data package from disk: a whole folder (webkitdirectory) or several files. The files
 * take the same path as the bundled sample: bytes to the engine worker.
 */
export function OpenFolderButton({ onFiles }: { onFiles: (files: File[], skipped?: string[]) => void }) {
  const { t } = useTranslation();
  const folder = useRef<HTMLInputElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const take = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    // In a picked folder, keep the package files at its top level only; name the sub-folders skipped.
    const all = [...list];
    const path = (f: File) => (f.webkitRelativePath || f.name).split('/');
    const min = Math.min(...all.map((f) => path(f).length));
    const skipped = [...new Set(all.filter((f) => path(f).length > min).map((f) => `${path(f)[min - 1]}/`))].sort();
    onFiles(
      all.filter((f) => path(f).length === min),
      skipped,
    );
  };
  return (
    <span className="open-data">
      <button type="button" data-testid="open-folder" onClick={() => folder.current?.click()}>
        {t('data.open')}
      </button>
      <button type="button" className="secondary" onClick={() => files.current?.click()}>
        {t('data.openFiles')}
      </button>
      <input
        ref={folder}
        type="file"
        hidden
        multiple
        data-testid="folder-input"
        {...({ webkitdirectory: '', directory: '' } as Record<string, string>)}
        onChange={(e) => {
          take(e.target.files);
          e.target.value = ''; // the same folder, fixed, can be opened again
        }}
      />
      <input
        ref={files}
        type="file"
        hidden
        multiple
        data-testid="files-input"
        accept=".json,.geojson,.csv"
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
      />
    </span>
  );
}

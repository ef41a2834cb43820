/** What a drop offered: entries to read (folders and files) and plain files. */
export interface DropOffer {
  entries: FileSystemEntry[];
  files: File[];
}

/**
 * Take what a drop event offers. Must run inside the event handler: a DataTransfer's items
 * are empty once the handler returns. Items with a file-system entry (a dropped folder, or a
 * file from the desktop) are read later by {@link readDropped}; the rest as plain files.
 */
export function dropOffer(dt: DataTransfer): DropOffer {
  const entries: FileSystemEntry[] = [];
  const files: File[] = [];
  const items = dt.items ? [...dt.items] : [];
  for (const item of items) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) files.push(f);
    }
  }
  if (items.length === 0 && dt.files) files.push(...dt.files);
  return { entries, files };
}

const fileOf = (e: FileSystemFileEntry) => new Promise<File>((resolve, reject) => e.file(resolve, reject));

/** Every entry of a folder (readEntries returns them in batches until an empty one). */
async function entriesIn(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

/**
 * The files of a drop: a dropped folder gives its top-level files (like the folder picker),
 * dropped files give themselves. Sub-folders are not read; their names come back in `skipped`
 * with a trailing slash, for the note of ignored files.
 */
export async function readDropped(offer: DropOffer): Promise<{ files: File[]; skipped: string[] }> {
  const files = [...offer.files];
  const skipped: string[] = [];
  for (const e of offer.entries) {
    if (e.isFile) files.push(await fileOf(e as FileSystemFileEntry));
    else if (e.isDirectory) {
      for (const child of await entriesIn(e as FileSystemDirectoryEntry)) {
        if (child.isFile) files.push(await fileOf(child as FileSystemFileEntry));
        else skipped.push(`${child.name}/`);
      }
    }
  }
  return { files, skipped };
}

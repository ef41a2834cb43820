/** Save a blob under a file name through a temporary link (no network). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save text (UTF-8) under a file name. */
export function downloadText(name: string, text: string, type = 'text/plain;charset=utf-8'): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** Save a data: URL (e.g. a PNG) under a file name. */
export async function downloadDataUrl(name: string, dataUrl: string): Promise<void> {
  downloadBlob(name, await (await fetch(dataUrl)).blob());
}

/** The data date a package states: its manifest's `date`, else `dataDate`, when it is YYYY-MM-DD. */
export function manifestDataDate(manifest: Record<string, unknown>): string | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  for (const k of ['date', 'dataDate']) {
    const v = manifest[k];
    if (typeof v === 'string' && iso.test(v)) return v;
  }
  return undefined;
}

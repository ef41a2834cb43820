import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/appStore';
import type { MapData } from '../../worker/protocol';
import { useDataCheck } from '../../state/dataCheckStore';
import { DataCheckDialog } from './DataCheckDialog';
import { useLang } from '../../i18n/lang';
import { fmtNum } from '../format';

/** True when a loaded package has something to tell: rejected rows, notes or ignored files. */
export function hasRemarks(data: MapData, ignored: readonly string[]): boolean {
  return data.rejectedCount > 0 || (data.report.notes.length) > 0 || ignored.length > 0;
}

/** How many notes the data check has for a package without rejected rows (the button's badge). */
export function remarkCount(data: MapData, ignored: readonly string[]): number {
  return data.report.notes.length + (ignored.length > 0 ? 1 : 0);
}

/**
 * The header's data check button: the count of rejected rows (or "数据检查" when the package
 * only has notes); it opens the data check dialog.
 */
export function DataCheckButton() {
  const { t } = useTranslation(['translation', 'dataCheck']);
  const lang = useLang();
  const data = useApp((s) => s.data);
  const ignored = useDataCheck((s) => s.ignored);
  if (!data || !hasRemarks(data, ignored)) return null;
  const n = data.rejectedCount;
  const remarks = remarkCount(data, ignored);
  return (
    <button type="button" className={n > 0 ? 'rejected' : 'data-check-button'} data-testid="data-check-open" onClick={() => useDataCheck.getState().set({ open: true })}>
      {n > 0 ? t('dataCheck:rejectedButton', { n: fmtNum(n, lang) }) : t('dataCheck:button')}
      {n === 0 && remarks > 0 && (
        <span className="badge" data-testid="data-check-badge" aria-label={t('dataCheck:badge', { n: remarks })}>
          {fmtNum(remarks, lang)}
        </span>
      )}
    </button>
  );
}

/**
 * The data check dialog of the loaded package. After the user opens a folder (button or drop)
 * it shows itself only when the package arrives with rejected rows; notes and ignored files
 * are a badge on the header's 数据检查 button, so the map stays in view.
 */
export function DataCheck() {
  const data = useApp((s) => s.data);
  const open = useDataCheck((s) => s.open);
  const ignored = useDataCheck((s) => s.ignored);

  useEffect(
    () =>
      useApp.subscribe((s, prev) => {
        const dc = useDataCheck.getState();
        if (!dc.pending) return;
        if (s.data && s.data !== prev.data) dc.set({ pending: false, ignored: dc.attemptIgnored, open: s.data.rejectedCount > 0 });
        else if (s.status === 'error' && prev.status !== 'error') dc.set({ pending: false });
      }),
    [],
  );

  if (!open || !data?.report) return null;
  return <DataCheckDialog report={data.report} ignored={ignored} packageName={data.manifest.name} onClose={() => useDataCheck.getState().set({ open: false })} />;
}

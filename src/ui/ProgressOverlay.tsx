import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';
import { LoadError } from './data/LoadError';

/** Loading progress (fetch, load, analyse, h3, pack, transfer in the worker, then draw), or the error the engine reported (in Chinese and English). */
export function ProgressOverlay() {
  const { t } = useTranslation();
  const status = useApp((s) => s.status);
  const progress = useApp((s) => s.progress);
  const error = useApp((s) => s.error);
  /**
   * The package's outlines and facilities are on the map already: a corner box that leaves the map
   * in view. Not while the map is still hidden (its first picture not shown): a large package's part
   * is not drawn on its own when its analysis is about to land (firstPaint.ts).
   */
  const partShown = useApp((s) => s.pkgData !== null && !s.firstMapPending);
  /** Data on a map hidden until it has settled (MapView): the last stage, 'draw'. */
  const drawing = useApp((s) => s.firstMapPending && s.data !== null);
  if (status === 'loading' || (status === 'ready' && drawing)) {
    const key = status === 'ready' ? 'draw' : progress.stage;
    const stage = t(`data.stage.${key}`, { defaultValue: key });
    return (
      <div className={partShown ? 'overlay overlay-corner' : 'overlay'} data-testid="progress" role="status">
        <div className="overlay-box">
          <div>{partShown ? t('data.partShown') : t('data.loading')}</div>
          <div className="muted">{stage}</div>
          {/* drawing: no fraction to show (indeterminate) */}
          <progress max={1} value={status === 'ready' ? undefined : progress.fraction} />
        </div>
      </div>
    );
  }
  if (status === 'error' && error) return <LoadError />; // both languages, and the data kept (src/ui/data)
  return null;
}

import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';

type Choice = 'euclidean' | 'network' | 'effort';

/**
 * Straight line / walking distance / walking effort. The walking modes need the package's
 * walking network (roads.geojson); switching re-runs the analysis in the worker, which keeps
 * the walking graph and the building snaps of each mode for the next switch. The note under
 * the buttons says what the numbers mean in the chosen mode.
 */
export function DistanceModeSwitch() {
  const { t } = useTranslation(['translation', 'walk']);
  const mode = useApp((s) => s.mode);
  const effort = useApp((s) => s.effort);
  const hasData = useApp((s) => s.data !== null);
  const hasRoads = useApp((s) => s.data?.roadCount !== undefined);
  const loading = useApp((s) => s.status === 'loading');
  const progress = useApp((s) => s.progress);
  const set = useApp((s) => s.set);
  const current: Choice | 'matrix' = mode === 'network' ? (effort ? 'effort' : 'network') : mode;
  const walkTitle = hasRoads || !hasData ? '' : t('distance.noRoads');
  const items: { key: Choice; enabled: boolean; title: string }[] = [
    { key: 'euclidean', enabled: true, title: '' },
    { key: 'network', enabled: hasRoads, title: walkTitle },
    { key: 'effort', enabled: hasRoads, title: walkTitle },
  ];
  const choose = (k: Choice) => set(k === 'euclidean' ? { mode: 'euclidean', effort: false } : { mode: 'network', effort: k === 'effort' });
  return (
    <div className="field" data-testid="distance-mode">
      <span>{t('control.distance')}</span>
      <div className="segmented" role="radiogroup">
        {items.map((it) => (
          <button
            key={it.key}
            type="button"
            role="radio"
            data-mode={it.key}
            aria-checked={current === it.key}
            className={current === it.key ? 'on' : ''}
            disabled={!it.enabled || (loading && hasData)}
            title={it.title}
            onClick={() => current !== it.key && choose(it.key)}
          >
            {t(`distance.${it.key}`)}
          </button>
        ))}
      </div>
      {loading && hasData ? (
        <div className="mode-progress" data-testid="mode-progress" role="status">
          {t('walk:computing')} <span className="muted">{t(`data.stage.${progress.stage}`, { defaultValue: progress.stage })}</span>
          <progress max={1} value={progress.fraction} />
        </div>
      ) : (
        current !== 'matrix' && (
          <p className="mode-note muted" data-testid="mode-note">
            {t(`walk:modeNote.${current}`)}
          </p>
        )
      )}
    </div>
  );
}

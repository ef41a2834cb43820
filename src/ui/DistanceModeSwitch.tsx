import { useTranslation } from 'react-i18next';
import { useApp } from '../app/store';

/**
 * Straight line / walking distance / walking effort. Only the straight line runs today; the
 * walking modes are placed here for the network issue and switch on when the engine offers them.
 */
export function DistanceModeSwitch() {
  const { t } = useTranslation();
  const mode = useApp((s) => s.mode);
  const hasRoads = useApp((s) => Boolean(s.data?.roads));
  const set = useApp((s) => s.set);
  const items = [
    { key: 'euclidean', enabled: true, title: '' },
    { key: 'network', enabled: false, title: hasRoads ? t('distance.later') : t('distance.noRoads') },
    { key: 'effort', enabled: false, title: t('distance.later') },
  ] as const;
  return (
    <div className="field" data-testid="distance-mode">
      <span>{t('control.distance')}</span>
      <div className="segmented" role="radiogroup">
        {items.map((it) => (
          <button
            key={it.key}
            type="button"
            role="radio"
            aria-checked={mode === it.key}
            className={mode === it.key ? 'on' : ''}
            disabled={!it.enabled}
            title={it.title}
            onClick={() => it.key !== 'effort' && set({ mode: it.key })}
          >
            {t(`distance.${it.key}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

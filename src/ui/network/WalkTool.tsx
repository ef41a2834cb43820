import './network.css';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/appStore';
import { useWalk } from '../../state/walkStore';

/** The "what can I reach from here" button: arms the map so the next clicks compute walksheds. */
export function WalkTool() {
  const { t } = useTranslation(['translation', 'walk']);
  const hasRoads = useApp((s) => s.data?.roadCount !== undefined);
  const tool = useWalk((s) => s.tool);
  const point = useWalk((s) => s.point);
  const set = useWalk((s) => s.set);
  return (
    <div className="field walk-tool">
      <button
        type="button"
        data-testid="walk-tool"
        aria-pressed={tool}
        className={tool ? 'on' : ''}
        disabled={!hasRoads}
        title={hasRoads ? t('walk:toolHint') : t('walk:noRoads')}
        onClick={() => set({ tool: !tool })}
      >
        {tool ? `${t('walk:toolOff')} · ${t('walk:tool')}` : t('walk:tool')}
      </button>
      {tool && <p className="muted walk-hint">{t('walk:toolHint')}</p>}
      {point && !tool && (
        <button type="button" className="link" onClick={() => set({ point: null })}>
          {t('walk:clear')}
        </button>
      )}
    </div>
  );
}

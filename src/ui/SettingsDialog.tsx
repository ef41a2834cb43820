import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';
import type { Basemap } from '../state/viewState';
import { saveTk } from '../state/localSettings';

/** Settings: the optional online basemap (off by default) and the 天地图 key. */
export function SettingsDialog() {
  const { t } = useTranslation();
  const open = useApp((s) => s.settingsOpen);
  const basemap = useApp((s) => s.basemap);
  const tk = useApp((s) => s.tk);
  const set = useApp((s) => s.set);
  if (!open) return null;
  return (
    <div className="dialog settings-dialog" role="dialog" aria-label={t('control.settings')} data-testid="settings">
      <h2>{t('control.settings')}</h2>
      <fieldset>
        <legend>{t('layer.basemap')}</legend>
        {(['none', 'osm', 'tianditu'] as Basemap[]).map((b) => (
          <label key={b} className="check">
            <input type="radio" name="basemap" checked={basemap === b} onChange={() => set({ basemap: b })} />
            {t(`basemap.${b}`)}
          </label>
        ))}
        <label className="field">
          <span>{t('basemap.key')}</span>
          <input
            type="text"
            value={tk}
            onChange={(e) => {
              const tk = e.target.value.trim();
              saveTk(tk); // this browser only, never in a link
              set({ tk });
            }}
            disabled={basemap !== 'tianditu'}
          />
        </label>
        <p className="muted">{t('basemap.note')}</p>
      </fieldset>
      <button type="button" onClick={() => set({ settingsOpen: false })}>
        {t('common.close')}
      </button>
    </div>
  );
}

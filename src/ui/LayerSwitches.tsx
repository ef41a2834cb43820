import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';
import { LAYERS, type LayerKey } from '../state/viewState';
import { useBlueprint } from '../state/blueprintStore';
import { PlanLayerSwitches } from './pilots/PlanLayerSwitches';

/** Checkboxes for the map layers; candidate sites are absent from the public view. */
export function LayerSwitches() {
  const { t } = useTranslation();
  const layers = useApp((s) => s.layers);
  const view = useApp((s) => s.view);
  const hasRoads = useApp((s) => s.data?.roadCount !== undefined);
  const set = useApp((s) => s.set);
  const showBlueprint = useBlueprint((s) => s.showLayer);
  const visible = LAYERS.filter((k) => !(k === 'candidates' && view === 'public') && !(k === 'roads' && !hasRoads));
  const toggle = (k: LayerKey) => set({ layers: { ...layers, [k]: !layers[k] } });
  return (
    <fieldset className="layer-switches" data-testid="layer-switches">
      <legend>{t('control.layers')}</legend>
      {visible.map((k) => (
        <label key={k} className="check">
          <input type="checkbox" data-layer={k} checked={layers[k]} onChange={() => toggle(k)} />
          {t(`layer.${k}`)}
        </label>
      ))}
      {view !== 'public' && (
        <label className="check">
          <input type="checkbox" data-layer="blueprint" checked={showBlueprint} onChange={() => useBlueprint.getState().set({ showLayer: !showBlueprint })} />
          {t('layer.blueprint')}
        </label>
      )}
      <PlanLayerSwitches publicView={view === 'public'} />
    </fieldset>
  );
}

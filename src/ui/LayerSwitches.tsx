import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';
import { LAYERS, type LayerKey } from '../state/viewState';
import { useBlueprint } from '../state/blueprintStore';
import { PlanLayerSwitches } from './pilots/PlanLayerSwitches';
import { BUILDINGS_MIN_ZOOM, useMapZoom } from '../state/zoomState';

/** Checkboxes for the map layers; candidate sites are absent from the public view. */
export function LayerSwitches() {
  const { t } = useTranslation();
  const layers = useApp((s) => s.layers);
  const view = useApp((s) => s.view);
  const hasRoads = useApp((s) => s.data?.roadCount !== undefined);
  const set = useApp((s) => s.set);
  const showBlueprint = useBlueprint((s) => s.showLayer);
  // 住宅楼栋 far out: the map draws the uncovered households' hexagons in their place (zoomState.ts); say so by the switch
  const buildingsFar = useMapZoom((s) => !s.buildingsZoom) && layers.buildings;
  const visible = LAYERS.filter((k) => !(k === 'candidates' && view === 'public') && !(k === 'roads' && !hasRoads));
  const toggle = (k: LayerKey) => set({ layers: { ...layers, [k]: !layers[k] } });
  return (
    <fieldset className="layer-switches" data-testid="layer-switches">
      <legend>{t('control.layers')}</legend>
      {visible.map((k) => (
        <Fragment key={k}>
          <label className="check">
            <input type="checkbox" data-layer={k} checked={layers[k]} onChange={() => toggle(k)} />
            {t(`layer.${k}`)}
          </label>
          {k === 'buildings' && buildingsFar && (
            <p className="layer-hint" data-testid="buildings-far-hint">
              {t('layer.buildingsFar', { z: BUILDINGS_MIN_ZOOM })}
            </p>
          )}
        </Fragment>
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

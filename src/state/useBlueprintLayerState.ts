import { useMemo } from 'react';
import { useBlueprint } from './blueprintStore';

/** The blueprint layer's input from the store, stable between unrelated renders. */
export function useBlueprintLayerState() {
  const show = useBlueprint((s) => s.showLayer);
  const run = useBlueprint((s) => s.run);
  const scenario = useBlueprint((s) => s.scenario);
  const scenarioRun = useBlueprint((s) => s.scenarioRun);
  const selectedSite = useBlueprint((s) => s.selectedSite);
  return useMemo(() => ({ show, run, scenario, scenarioRun, selectedSite }), [show, run, scenario, scenarioRun, selectedSite]);
}

import { useMemo } from 'react';
import { useBlueprint } from './blueprintStore';

/**
 * The blueprint layer's input from the store, stable between unrelated renders. Its scenario is
 * the one `scenarioRun` evaluated (`runScenario`), not the one being edited: an edit changes the
 * map once, when its answer is back (blueprintStore.ts).
 */
export function useBlueprintLayerState() {
  const show = useBlueprint((s) => s.showLayer);
  const run = useBlueprint((s) => s.run);
  const scenario = useBlueprint((s) => s.runScenario);
  const scenarioRun = useBlueprint((s) => s.scenarioRun);
  const selectedSite = useBlueprint((s) => s.selectedSite);
  return useMemo(() => ({ show, run, scenario, scenarioRun, selectedSite }), [show, run, scenario, scenarioRun, selectedSite]);
}

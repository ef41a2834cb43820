/** What-if scenarios: add, remove and move facilities, and see the analysis change live. */
export type { Scenario, ScenarioSite, ScenarioMove, ScenarioResult, ScenarioSummary, ScopeMeasures, Delta } from './scenarioTypes';
export { createScenarioContext, type ScenarioContext } from './createScenarioContext';
export { applyScenario, type AppliedScenario } from './applyScenario';
export { evaluateScenario, type EvaluateScenarioOptions } from './evaluateScenario';
export { summarizeScope } from './summarizeScope';

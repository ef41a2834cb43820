/** Location optimisation: coverage instance → model (MCLP) → solve (greedy, HiGHS). */
export { type CoverageInstance, validateCoverage, coveredMask, coverageObjective, hasIntegerWeights } from './coverageInstance';
export { shrinkInstance, type ShrunkInstance } from './shrinkInstance';
export { greedyMclp, type GreedyResult } from './greedyMclp';
export { bruteForceMclp, BRUTE_FORCE_MAX_SUBSETS } from './bruteForceMclp';
export { LinearModelBuilder, toLpText, evalObjective, relaxModel, type LinearModel } from './linearModel';
export { resolveHighs, runMip, type HighsRuntime, type HighsLoaderOrInstance, type MipRunOptions, type MipRunResult, type MipStatus } from './highsRunner';
export { buildMclpModel, mclpStart, type MclpModel } from './mclpModel';
export { solveMclp, type MclpOptions, type MclpSolution } from './solveMclp';
export { Mclp } from './Mclp';
export { randomCoverageInstance, planeCoverageInstance, type PlaneInstance } from './syntheticInstance';
export { swapLocalSearch, type SwapOptions } from './swapLocalSearch';
export { lpGuidedMclp, type LpGuidedOptions, type LpGuidedResult } from './lpGuidedMclp';

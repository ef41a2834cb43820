import type { ServiceCoverage } from '../analysisTypes';
import { SERVICES, type ServiceCode } from '../standards/services';
import type { Buildings, Facility } from '../types';
import type { DistanceProvider, Site } from './distanceProvider';
import { withGetter } from '../withGetter';

/** Open facilities offering a service, as sites. */
export function facilitySites(facilities: readonly Facility[], service: ServiceCode): Site[] {
  const bit = 1 << SERVICES.indexOf(service);
  return facilities.filter((f) => f.status === 'open' && (f.serviceMask & bit) !== 0);
}

/**
 * Coverage of every building for one service: covered when some open facility offering
 * it lies within `thresholdM` metres (DATA-FORMAT.md section 2, "Covered").
 */
export function serviceCoverage(
  provider: DistanceProvider,
  buildings: Buildings,
  facilities: readonly Facility[],
  service: ServiceCode,
  thresholdM: number,
): ServiceCoverage {
  const distanceM = provider.nearest(facilitySites(facilities, service), thresholdM);
  return coverageFromDistances(service, thresholdM, distanceM, buildings);
}

/** Covered flags and covered households from per-building distances (m). */
export function coverageFromDistances(service: ServiceCode, thresholdM: number, distanceM: Float64Array, buildings: Buildings): ServiceCoverage {
  const covered = new Uint8Array(buildings.count);
  let coveredHouseholds = 0;
  for (let i = 0; i < buildings.count; i++) {
    if (distanceM[i] <= thresholdM) {
      covered[i] = 1;
      coveredHouseholds += buildings.households[i];
    } else distanceM[i] = Infinity;
  }
  return { service, thresholdM, distanceM, covered, coveredHouseholds };
}

/**
 * Covered flags and covered households from per-building flags (1 covered) decided without
 * the distances ({@link NearestByCells.coveredInto}); the same covered households, summed in
 * the same order, as {@link coverageFromDistances} on the distances. `distanceM` is computed
 * by `distances()` when first read (nothing reads it to write the CLI's outputs).
 */
export function coverageFromCovered(
  service: ServiceCode,
  thresholdM: number,
  covered: Uint8Array,
  buildings: Buildings,
  distances: () => Float64Array,
): ServiceCoverage {
  let coveredHouseholds = 0;
  for (let i = 0; i < buildings.count; i++) if (covered[i] === 1) coveredHouseholds += buildings.households[i];
  let distanceM: Float64Array | undefined;
  return withGetter<ServiceCoverage, 'distanceM'>(
    { service, thresholdM, distanceM: new Float64Array(0), covered, coveredHouseholds },
    'distanceM',
    () => (distanceM ??= coverageFromDistances(service, thresholdM, distances(), buildings).distanceM),
  );
}

import type { Analysis } from '../analysisTypes';
import type { DataPackage } from '../types';
import type { IsoDate } from './calendarDate';
import { item21ConstructionSubsidy, type PilotSubsidy } from './item21ConstructionSubsidy';
import { landingReach, type LandingReach } from '../coverage/landingReach';
import { pilotStatus, type PilotStatus } from './pilotStatus';
import { programmeSummary, type ProgrammeSummary } from './programmeSummary';
import type { RatingBands } from './ratingBands';
import { serviceLevels, type ServiceLevels } from '../standards/serviceLevels';

/** Options of {@link pilotProgramme}. */
export interface PilotProgrammeOptions {
  asOf: IsoDate; // the date the rules are applied on, YYYY-MM-DD
  bands: RatingBands; // see resolveRatingBands (default 90 / 80 / 60)
  /** An analysis of the same package, for the rules still failing in pilot communities; optional. */
  analysis?: Pick<Analysis, 'communities'>;
}

/** Everything the pilot panel and `pilots` need, on one date. */
export interface PilotProgramme {
  /** One per row of pilots.csv, in file order (empty without pilots.csv). */
  statuses: PilotStatus[];
  subsidies: PilotSubsidy[];
  levels: ServiceLevels;
  /** Null without landing_points.csv. */
  landing: LandingReach | null;
  summary: ProgrammeSummary;
}

/** Apply every pilot rule to a package on `asOf` and summarise the programme. */
export function pilotProgramme(pkg: DataPackage, opts: PilotProgrammeOptions): PilotProgramme {
  const pilots = pkg.pilots ?? [];
  const evaluations = pkg.evaluations ?? [];
  const statuses = pilots.map((p) => pilotStatus(p, evaluations, opts.asOf, opts.bands));
  const subsidies = item21ConstructionSubsidy(pilots, pkg.communities, pkg.facilities);
  const levels = serviceLevels(pkg);
  const landing = pkg.landingPoints ? landingReach(pkg, pkg.landingPoints) : null;
  const summary = programmeSummary({
    asOf: opts.asOf,
    communities: pkg.communities,
    statuses,
    subsidies,
    results: opts.analysis?.communities,
    levels,
    landing: landing ?? undefined,
  });
  return { statuses, subsidies, levels, landing, summary };
}

import { daysBetween, type IsoDate } from './calendarDate';
import { art12EvaluationDue } from './art12EvaluationDue';
import { art12StartOverdue, startDeadline } from './art12StartOverdue';
import { art15Rectification, type RectificationState } from './art15Rectification';
import { art15SubsidyEligible } from './art15SubsidyEligible';
import { art8RemovalCandidate } from './art8RemovalCandidate';
import { ratedEvaluations, type RatedEvaluation } from './ratedEvaluations';
import type { Evaluation, Pilot, PilotFlag, Rating, RemovalReason } from './pilotTypes';
import type { RatingBands } from './ratingBands';

/** Where one pilot stands on a date: the rules of arts. 8, 12 and 15 applied. */
export interface PilotStatus {
  pilot: Pilot;
  asOf: IsoDate;
  /** Its evaluations by asOf, rated, oldest first. */
  evaluations: RatedEvaluation[];
  /** Flags, sorted; always empty for a removed pilot (it has left the list). */
  flags: PilotFlag[];
  /** Why it is a removal candidate (art. 8); empty when it is not. */
  removalReasons: RemovalReason[];
  /** Rating of the latest evaluation of any kind, or null. */
  latestRating: Rating | null;
  /** Art. 15: latest annual or rectification rating pass or better, and the pilot active. */
  subsidyEligible: boolean;
  rectification: RectificationState;
  /** Days from approved_date to asOf (negative before it), null without approved_date. */
  daysSinceApproval: number | null;
  /** Last day construction may start on time (approved + 12 months), null without approved_date. */
  startDeadline: IsoDate | null;
}

/**
 * Apply the pilot rules to one pilot on `asOf`: `start_overdue` (art. 12), `evaluation_due`
 * (art. 12), `rectification_due` and `terminate_contract` (art. 15), `removal_candidate`
 * (art. 8). Only evaluations of this pilot's community dated ≤ asOf count.
 */
export function pilotStatus(pilot: Pilot, evaluations: readonly Evaluation[], asOf: IsoDate, bands: RatingBands): PilotStatus {
  const own = evaluations.filter((e) => e.communityId === pilot.communityId);
  const rated = ratedEvaluations(own, asOf, bands);
  const rectification = art15Rectification(rated, asOf);
  const active = pilot.status === 'active';
  const flags: PilotFlag[] = [];
  let removalReasons: RemovalReason[] = [];
  if (active) {
    const startOverdue = art12StartOverdue(pilot, asOf);
    const terminateContract = rectification.state === 'terminate';
    if (startOverdue) flags.push('start_overdue');
    if (art12EvaluationDue(pilot, rated, asOf)) flags.push('evaluation_due');
    if (rectification.state === 'due') flags.push('rectification_due');
    if (terminateContract) flags.push('terminate_contract');
    removalReasons = art8RemovalCandidate({ startOverdue, terminateContract });
    if (removalReasons.length) flags.push('removal_candidate');
    flags.sort();
  }
  return {
    pilot,
    asOf,
    evaluations: rated,
    flags,
    removalReasons,
    latestRating: rated.length ? rated[rated.length - 1].ratingResult : null,
    subsidyEligible: active && art15SubsidyEligible(rated),
    rectification,
    daysSinceApproval: pilot.approvedDate === undefined ? null : daysBetween(pilot.approvedDate, asOf),
    startDeadline: pilot.approvedDate === undefined ? null : startDeadline(pilot.approvedDate),
  };
}

import type { IsoDate } from './calendarDate';

/**
 * The nine stages of a pilot (Annex 2, art. 6), in order: stage number = index + 1.
 * pilots.csv may give a stage by its number (1–9) or by its code.
 */
export const PILOT_STAGES = [
  { code: 'call', zh: '发布申报通知', en: 'Call for applications' },
  { code: 'application_plan', zh: '编制申报方案', en: 'Application plan' },
  { code: 'application_review', zh: '申报方案评审', en: 'Application review' },
  { code: 'listed', zh: '确定试点建设名单', en: 'Listed as a pilot' },
  { code: 'implementation_plan', zh: '编制实施方案', en: 'Implementation plan' },
  { code: 'implementation_review', zh: '实施方案评审', en: 'Implementation review' },
  { code: 'construction', zh: '实施推进', en: 'Construction' },
  { code: 'trial_operation', zh: '试运营', en: 'Trial operation' },
  { code: 'evaluation', zh: '考核评估', en: 'Evaluation' },
] as const;

export type PilotStageCode = (typeof PILOT_STAGES)[number]['code'];
/** Stage number 1–9. */
export type PilotStage = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Stage from which a pilot counts as started (建设启动), for the plan's targets: 7 `construction`. */
export const STARTED_STAGE: PilotStage = 7;
/** Stage the pilot list is fixed at (确定试点建设名单): 4; approved_date is required from here. */
export const LISTED_STAGE: PilotStage = 4;

/** Operation modes of art. 13. */
export const OPERATION_MODES = ['public_built_private_run', 'private_run_public_aid', 'government_purchase', 'other'] as const;
export type OperationMode = (typeof OPERATION_MODES)[number];

export const PILOT_STATUSES = ['active', 'removed'] as const;
export type PilotStatusCode = (typeof PILOT_STATUSES)[number];

/** Reasons a pilot leaves the list (art. 8): 建设进度滞后, 成效不及预期, 不具备可实施性. */
export const REMOVAL_REASONS = ['behind_schedule', 'below_expectation', 'infeasible'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

/** One row of pilots.csv, validated. Dates are `YYYY-MM-DD`. */
export interface Pilot {
  communityId: string;
  /** Index into DataPackage.communities. */
  community: number;
  /** Batch number, 1, 2, … */
  batch: number;
  /** Date the pilot list was fixed (确定试点建设名单); required from stage 4. */
  approvedDate?: IsoDate;
  stage: PilotStage;
  constructionStartDate?: IsoDate;
  /** 竣工验收并交付使用. */
  completionDate?: IsoDate;
  /** 试运营 start. */
  trialStartDate?: IsoDate;
  operator?: string;
  operationMode?: OperationMode;
  status: PilotStatusCode;
  removedReason?: RemovalReason;
  removedDate?: IsoDate;
  note?: string;
}

/** Kinds of evaluation: after 3 months of trial operation (art. 12), yearly (art. 15), after a rectification (art. 15). */
export const EVALUATION_KINDS = ['trial', 'annual', 'rectification'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** The seven evaluation items of art. 15, as evaluations.csv names its columns. */
export const EVALUATION_SCORES = ['facilities', 'operation', 'staffing', 'service_quality', 'finance', 'satisfaction', 'reputation'] as const;
export type EvaluationScore = (typeof EVALUATION_SCORES)[number];

/** Chinese names of the seven items (art. 15). */
export const EVALUATION_SCORE_NAMES: Record<EvaluationScore, string> = {
  facilities: '设施设备条件',
  operation: '日常运营',
  staffing: '人员配备',
  service_quality: '服务质量',
  finance: '财务状况',
  satisfaction: '服务对象满意度',
  reputation: '社会信誉',
};

/** The four ratings of art. 15, best first: 优秀, 良好, 合格, 不合格. */
export const RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_NAMES: Record<Rating, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
};

/** One row of evaluations.csv, validated. */
export interface Evaluation {
  communityId: string;
  /** Index into DataPackage.communities. */
  community: number;
  date: IsoDate;
  kind: EvaluationKind;
  /** The seven scores 0–100; absent when the row gives only a rating. */
  scores?: Record<EvaluationScore, number>;
  /** A rating the office gave directly; it wins over the scores. */
  rating?: Rating;
  /** Position among the accepted rows of evaluations.csv (1-based, file order): breaks ties between evaluations of one date. */
  order: number;
}

/** Flags of a pilot in pilot-status.csv, in sorted order. */
export const PILOT_FLAGS = ['evaluation_due', 'rectification_due', 'removal_candidate', 'start_overdue', 'terminate_contract'] as const;
export type PilotFlag = (typeof PILOT_FLAGS)[number];

export const PILOT_FLAG_NAMES: Record<PilotFlag, { zh: string; en: string }> = {
  evaluation_due: { zh: '试运营满三个月未考核评估', en: 'Trial evaluation overdue' },
  rectification_due: { zh: '不合格满三个月未再评估', en: 'Rectification overdue' },
  removal_candidate: { zh: '建议调出试点名单', en: 'Candidate for removal from the list' },
  start_overdue: { zh: '确定名单一年内未启动建设', en: 'Construction not started within one year' },
  terminate_contract: { zh: '整改仍不合格，应解除运营服务合同', en: 'Still failing after rectification: terminate the contract' },
};

/** Kinds of landing point of the 低空+ network. */
export const LANDING_KINDS = ['drone', 'evtol'] as const;
export type LandingKind = (typeof LANDING_KINDS)[number];

/** One row of landing_points.csv, coordinates WGS84. */
export interface LandingPoint {
  id: string;
  name: string;
  lon: number;
  lat: number;
  kind: LandingKind;
  /** Service radius, metres. */
  radiusM: number;
}

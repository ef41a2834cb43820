import type { pilotsZh } from '../../i18n/pilots';
import { useState } from 'react';
import { pilots as P } from '../../engine/index';
import type { Evaluation, Pilot } from '../../engine/index';
import { STAGE_COLORS } from '../../map/colors';
import { css } from '../../map/colors';
import { addEvaluation, removeEvaluation, updatePilot } from '../../state/pilotActions';
import type { EditProblem } from '../../state/pilotChecks';
import { usePilots } from '../../state/pilotStore';
import { fmtNum } from '../format';
import { FlagChips } from './FlagChips';
import { usePilotsT } from './usePilotsT';

type TFn = ReturnType<typeof usePilotsT>['t'];
type DateField = keyof (typeof pilotsZh)['edit']['dates'];

/** An edit problem in words. */
export function problemText(t: TFn, p: EditProblem): string {
  const field =
    'field' in p
      ? p.field in P.EVALUATION_SCORE_NAMES
        ? t(`score.${p.field as keyof typeof P.EVALUATION_SCORE_NAMES}`)
        : t(`edit.dates.${p.field as DateField}`)
      : '';
  const before = 'before' in p ? t(`edit.dates.${p.before as DateField}`) : '';
  return t(`edit.problem.${p.code}`, { field, before, min: 'min' in p ? p.min : '' });
}

/** A pilot's progress in its community panel: stages, dates, flags, evaluations, and the editor. */
export function PilotTimeline({ communityId }: { communityId: string }) {
  const { t, lang } = usePilotsT();
  const status = usePilots((s) => s.view?.statuses.find((x) => x.pilot.communityId === communityId));
  const pilot = usePilots((s) => s.edits.pilots.find((p) => p.communityId === communityId));
  if (!pilot || !status) return null;
  const p = pilot;
  const trialDue = p.trialStartDate ? P.addMonths(p.trialStartDate, P.TRIAL_MONTHS) : null;
  const events: { key: string; label: string; date: string | null | undefined; future?: boolean }[] = [
    { key: 'approved', label: t('timeline.approved'), date: p.approvedDate },
    { key: 'startDeadline', label: t('timeline.startDeadline'), date: p.constructionStartDate ? null : status.startDeadline, future: true },
    { key: 'constructionStart', label: t('timeline.constructionStart'), date: p.constructionStartDate },
    { key: 'completion', label: t('timeline.completion'), date: p.completionDate },
    { key: 'trialStart', label: t('timeline.trialStart'), date: p.trialStartDate },
    { key: 'trialEvalDue', label: t('timeline.trialEvalDue'), date: status.evaluations.some((e) => e.kind === 'trial') ? null : trialDue, future: true },
    { key: 'rectification', label: t('timeline.rectification'), date: status.rectification.deadline, future: true },
    { key: 'removed', label: t('timeline.removed'), date: p.removedDate },
  ];
  return (
    <section className="pl-timeline" data-testid="pilot-timeline" data-stage={p.stage}>
      <h3>
        {t('timeline.title')} · {t('timeline.batch', { n: p.batch })} · {p.status === 'removed' ? t('status.removed') : t('status.active')}
      </h3>
      <ol className="pl-stages" aria-label={t('list.stage')}>
        {P.PILOT_STAGES.map((_, i) => {
          const n = i + 1;
          const cls = `${n < p.stage ? 'done' : n === p.stage ? 'now' : ''}${n === 9 && n <= p.stage ? ' dark' : ''}`;
          return (
            <li
              key={n}
              className={cls}
              title={`${n} ${t(`stage.${n}`)}`}
              aria-current={n === p.stage ? 'step' : undefined}
              style={n <= p.stage ? { background: css(STAGE_COLORS[i]) } : undefined}
            >
              {n}
            </li>
          );
        })}
      </ol>
      <p data-testid="pilot-stage-name">
        {t('stageN', { n: p.stage })} {t(`stage.${p.stage}`)}
        {status.daysSinceApproval !== null && <span className="muted"> · {t('timeline.daysSince', { n: status.daysSinceApproval })}</span>}
      </p>
      {status.flags.length > 0 && <FlagChips flags={status.flags} />}
      <ul className="pl-events">
        {events
          .filter((e) => e.date)
          .map((e) => (
            <li key={e.key} className={e.future ? 'due' : ''}>
              <span className="code">{e.date}</span> {e.label}
            </li>
          ))}
      </ul>
      <p>
        {t('timeline.subsidy')}: {status.subsidyEligible ? t('timeline.subsidyYes') : t('timeline.subsidyNo')}
      </p>
      <h4>{t('timeline.evaluations')}</h4>
      {status.evaluations.length === 0 ? (
        <p className="muted">{t('timeline.noEvaluations')}</p>
      ) : (
        <table className="pl-table" data-testid="pilot-evaluations">
          <tbody>
            {status.evaluations.map((e) => (
              <tr key={e.order}>
                <td className="code">{e.date}</td>
                <td>{t(`kind.${e.kind}`)}</td>
                <td className="num">{e.scores ? `${t('timeline.mean')} ${fmtNum(P.meanScore(e), lang, 1)}` : '—'}</td>
                <td className={e.ratingResult === 'fail' ? 'pl-fail' : ''} data-rating={e.ratingResult}>
                  {t(`rating.${e.ratingResult}`)}
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={t('timeline.deleteOf', { date: e.date })}
                    title={t('timeline.delete')}
                    onClick={() => removeEvaluation(e.order)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PilotEditor pilot={p} />
      {p.stage >= 8 && p.status === 'active' && <EvaluationForm pilot={p} />}
    </section>
  );
}

const DATE_FIELDS = [
  ['approved_date', 'approvedDate'],
  ['construction_start_date', 'constructionStartDate'],
  ['completion_date', 'completionDate'],
  ['trial_start_date', 'trialStartDate'],
] as const;

/** Stage, dates, operator and status of a pilot; a change the loader would reject is refused with the reason. */
function PilotEditor({ pilot: p }: { pilot: Pilot }) {
  const { t } = usePilotsT();
  const [problem, setProblem] = useState<EditProblem | null>(null);
  const apply = (patch: Parameters<typeof updatePilot>[1]) => setProblem(updatePilot(p.communityId, patch));
  return (
    <details className="pl-editor" data-testid="pilot-editor">
      <summary>{t('edit.title')}</summary>
      <div className="pl-grid">
        <label>
          {t('edit.stage')}
          <select value={p.stage} data-testid="edit-stage" onChange={(e) => apply({ stage: Number(e.target.value) as P.PilotStage })}>
            {P.PILOT_STAGES.map((_, i) => (
              <option key={i} value={i + 1}>
                {i + 1} {t(`stage.${i + 1}`)}
              </option>
            ))}
          </select>
        </label>
        {DATE_FIELDS.map(([field, key]) => (
          <label key={field}>
            {t(`edit.dates.${field}`)}
            <input type="date" value={p[key] ?? ''} data-field={field} onChange={(e) => apply({ [key]: e.target.value || undefined })} />
          </label>
        ))}
        <label>
          {t('edit.operator')}
          <input
            type="text"
            defaultValue={p.operator ?? ''}
            onBlur={(e) => e.target.value !== (p.operator ?? '') && apply({ operator: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('edit.operationMode')}
          <select value={p.operationMode ?? ''} onChange={(e) => apply({ operationMode: (e.target.value || undefined) as Pilot['operationMode'] })}>
            <option value="">{t('edit.none')}</option>
            {P.OPERATION_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`mode.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('edit.status')}
          <select value={p.status} onChange={(e) => apply({ status: e.target.value as Pilot['status'] })}>
            {P.PILOT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {p.status === 'removed' && (
          <>
            <label>
              {t('edit.removedReason')}
              <select value={p.removedReason ?? ''} onChange={(e) => apply({ removedReason: (e.target.value || undefined) as Pilot['removedReason'] })}>
                <option value="">{t('edit.none')}</option>
                {P.REMOVAL_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`removedReason.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('edit.dates.removed_date')}
              <input type="date" value={p.removedDate ?? ''} onChange={(e) => apply({ removedDate: e.target.value || undefined })} />
            </label>
          </>
        )}
      </div>
      {problem && (
        <p className="pl-error" role="alert" data-testid="edit-problem">
          {problemText(t, problem)}
        </p>
      )}
    </details>
  );
}

/** Add an evaluation: date, kind, and the seven scores or a rating given directly. */
function EvaluationForm({ pilot }: { pilot: Pilot }) {
  const { t } = usePilotsT();
  const asOf = usePilots((s) => s.edits.asOf);
  const [date, setDate] = useState(asOf);
  const [kind, setKind] = useState<Evaluation['kind']>('annual');
  const [rating, setRating] = useState<'' | P.Rating>('');
  const [scores, setScores] = useState<Record<string, string>>(Object.fromEntries(P.EVALUATION_SCORES.map((s) => [s, '80'])));
  const [problem, setProblem] = useState<EditProblem | null>(null);
  const submit = () => {
    const e: Omit<Evaluation, 'order' | 'community'> = { communityId: pilot.communityId, date, kind };
    if (rating) e.rating = rating;
    else e.scores = Object.fromEntries(P.EVALUATION_SCORES.map((s) => [s, Number(scores[s])])) as Evaluation['scores'];
    setProblem(addEvaluation(e));
  };
  return (
    <details className="pl-editor" data-testid="evaluation-form">
      <summary>{t('edit.addEvaluation')}</summary>
      <div className="pl-grid">
        <label>
          {t('edit.date')}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          {t('edit.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as Evaluation['kind'])}>
            {P.EVALUATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('edit.ratingGiven')}
          <select value={rating} onChange={(e) => setRating(e.target.value as '' | P.Rating)}>
            <option value="">{t('edit.ratingFromScores')}</option>
            {P.RATINGS.map((r) => (
              <option key={r} value={r}>
                {t(`rating.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {!rating &&
          P.EVALUATION_SCORES.map((s) => (
            <label key={s}>
              {t(`score.${s}`)}
              <input type="number" min={0} max={100} value={scores[s]} onChange={(e) => setScores({ ...scores, [s]: e.target.value })} />
            </label>
          ))}
      </div>
      <button type="button" onClick={submit}>
        {t('edit.add')}
      </button>
      {problem && (
        <p className="pl-error" role="alert">
          {problemText(t, problem)}
        </p>
      )}
    </details>
  );
}

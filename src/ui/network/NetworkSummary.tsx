import { useTranslation } from 'react-i18next';
import type { AnalysisView } from '../../worker/protocol';
import { StatRow } from '../StatRow';
import { fmtNum } from '../format';
import { useLang } from '../../i18n/lang';

/**
 * The distance mode of the analysis and, in the walking modes, how many buildings lie beyond
 * maxSnapM of the network (unreachable there): rows for the summary panel.
 */
export function NetworkSummary({ analysis }: { analysis: AnalysisView }) {
  const { t } = useTranslation(['translation', 'walk']);
  const lang = useLang();
  const s = analysis.summary;
  const key = analysis.mode === 'network' ? (s.effort ? 'effort' : 'network') : analysis.mode;
  return (
    <>
      <StatRow label={t('control.distance')} value={t(`distance.${key}`, { defaultValue: 'distances.csv' })} testId="summary-mode" />
      {analysis.mode === 'network' && (
        <StatRow
          label={t('walk:unsnapped', { m: fmtNum(analysis.policy.maxSnapM, lang) })}
          value={fmtNum(s.unsnappedBuildings ?? 0, lang)}
          note={t('walk:unsnappedNote')}
          testId="unsnapped-buildings"
        />
      )}
    </>
  );
}

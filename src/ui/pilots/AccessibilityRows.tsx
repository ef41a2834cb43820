import type { Facility } from '../../engine/index';
import { StatRow } from '../StatRow';
import { usePilotsT } from './usePilotsT';

const FLAGS = ['barrierFree', 'elderFriendly', 'childFriendly'] as const;

/** A facility's accessibility flags (无障碍, 适老化, 儿童友好): yes, no or not given. */
export function AccessibilityRows({ facility }: { facility: Facility }) {
  const { t } = usePilotsT();
  return (
    <>
      {FLAGS.map((k) => (
        <StatRow
          key={k}
          label={t(`access.${k}`)}
          value={facility[k] === undefined ? t('access.unknown') : facility[k] ? t('access.yes') : t('access.no')}
          testId={`access-${k}`}
        />
      ))}
    </>
  );
}

import type { pilots } from '../../engine/index';
import { usePilotsT } from './usePilotsT';

/** A pilot's flags as chips (red for the removal and contract flags). */
export function FlagChips({ flags }: { flags: readonly pilots.PilotFlag[] }) {
  const { t } = usePilotsT();
  return (
    <span className="chips pl-flags">
      {flags.map((f) => (
        <span key={f} className={`chip ${f === 'removal_candidate' || f === 'terminate_contract' ? 'missing' : 'warn'}`} data-flag={f}>
          {t(`flag.${f}`)}
        </span>
      ))}
    </span>
  );
}

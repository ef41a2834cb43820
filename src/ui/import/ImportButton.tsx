import { useTranslation } from 'react-i18next';
import { openImport } from '../../state/importActions';

/** 导入数据 in the header: opens the import wizard. */
export function ImportButton() {
  const { t } = useTranslation('import');
  return (
    <button type="button" className="secondary" data-testid="import-open" onClick={() => openImport(true)}>
      {t('open')}
    </button>
  );
}

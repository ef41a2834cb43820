import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/appStore';
import { blueprintGeoJson, blueprintSitesCsv, communitiesBeforeAfterCsv } from '../../engine/index';
import { communitiesTable, sitesTable } from '../../export/blueprintTables';
import { downloadBlob, downloadDataUrl, downloadText } from '../../export/download';
import { datedName } from '../../export/fileName';
import { mapPng } from '../../export/mapImage';
import { openReport } from '../../export/reportHtml';
import { tablesXlsx } from '../../export/xlsx';
import { scopeOf, useBlueprint } from '../../state/blueprintStore';
import { tFor } from '../../i18n';
import type { CandidateSource, Ownership } from '../../engine/index';

/** Scope in words for titles and file names. */
export function scopeLabel(): string {
  const sc = scopeOf(useBlueprint.getState());
  if (sc.street) return `${sc.district ?? ''} ${sc.street}`.trim();
  if (sc.district) return sc.district;
  const t = tFor('zh'); // exported documents are Chinese
  if (sc.communityIds) return t('report:scope.selected', { n: sc.communityIds.length });
  return t('report:scope.all');
}

/** Exports of the blueprint: GeoJSON, CSV, XLSX, the printable report and the map PNG. */
export function ExportPanel() {
  const { t } = useTranslation(['translation', 'blueprint']);
  const doc = tFor('zh');
  const run = useBlueprint((s) => s.run);
  const data = useApp((s) => s.data);
  const r = run?.result;
  const labels = { source: (c: string) => t(`source.${c as CandidateSource}`), ownership: (c: string) => t(`ownership.${c as Ownership}`) };
  const base = doc('report:file.blueprint', { scope: scopeLabel() });
  return (
    <div className="bp-panel bp-exports" data-testid="export-panel">
      <button type="button" data-testid="export-png" onClick={async () => {
        const url = await mapPng();
        if (url) await downloadDataUrl(datedName(doc('report:file.map'), 'png'), url);
      }}>{t('blueprint:export.png')}</button>
      {!r && <p className="muted">{t('blueprint:export.needRun')}</p>}
      {r && (
        <>
          <button type="button" data-testid="export-geojson" onClick={() => downloadText(datedName(base, 'geojson'), JSON.stringify(blueprintGeoJson(r), null, 1), 'application/geo+json')}>{t('blueprint:export.geojson')}</button>
          <button type="button" data-testid="export-sites-csv" onClick={() => downloadText(datedName(doc('report:file.sites', { base }), 'csv'), blueprintSitesCsv(r), 'text/csv;charset=utf-8')}>{t('blueprint:export.sitesCsv')}</button>
          <button type="button" data-testid="export-communities-csv" onClick={() => downloadText(datedName(doc('report:file.communities', { base }), 'csv'), communitiesBeforeAfterCsv(r), 'text/csv;charset=utf-8')}>{t('blueprint:export.communitiesCsv')}</button>
          <button type="button" data-testid="export-xlsx" onClick={async () => {
            const bytes = await tablesXlsx([sitesTable(r, labels), communitiesTable(r)]);
            downloadBlob(datedName(base, 'xlsx'), new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
          }}>{t('blueprint:export.xlsx')}</button>
          <button type="button" data-testid="export-report" onClick={async () => {
            openReport({
              result: r,
              title: doc('report:title', { scope: scopeLabel() }),
              scopeLabel: scopeLabel(),
              packageName: data?.manifest.name ?? '',
              date: new Date(),
              synthetic: data?.manifest.synthetic === true,
              mapImage: await mapPng(),
              tables: [sitesTable(r, labels), communitiesTable(r)],
            });
          }}>{t('blueprint:export.report')}</button>
        </>
      )}
    </div>
  );
}

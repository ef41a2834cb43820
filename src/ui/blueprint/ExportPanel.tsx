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
import { useS } from './strings';

/** Scope in words for titles and file names. */
export function scopeLabel(): string {
  const sc = scopeOf(useBlueprint.getState());
  if (sc.street) return `${sc.district ?? ''} ${sc.street}`.trim();
  if (sc.district) return sc.district;
  if (sc.communityIds) return `所选 ${sc.communityIds.length} 个社区`;
  return '全部社区';
}

/** Exports of the blueprint: GeoJSON, CSV, XLSX, the printable report and the map PNG. */
export function ExportPanel() {
  const { S } = useS();
  const { t } = useTranslation();
  const run = useBlueprint((s) => s.run);
  const data = useApp((s) => s.data);
  const r = run?.result;
  const labels = { source: (c: string) => t(`source.${c}`), ownership: (c: string) => t(`ownership.${c}`) };
  const base = `一张蓝图_${scopeLabel()}`;
  return (
    <div className="bp-panel bp-exports" data-testid="export-panel">
      <button type="button" data-testid="export-png" onClick={async () => {
        const url = await mapPng();
        if (url) await downloadDataUrl(datedName('渝邻图_地图', 'png'), url);
      }}>{S.export.png}</button>
      {!r && <p className="muted">{S.export.needRun}</p>}
      {r && (
        <>
          <button type="button" data-testid="export-geojson" onClick={() => downloadText(datedName(base, 'geojson'), JSON.stringify(blueprintGeoJson(r), null, 1), 'application/geo+json')}>{S.export.geojson}</button>
          <button type="button" data-testid="export-sites-csv" onClick={() => downloadText(datedName(`${base}_点位表`, 'csv'), blueprintSitesCsv(r), 'text/csv;charset=utf-8')}>{S.export.sitesCsv}</button>
          <button type="button" data-testid="export-communities-csv" onClick={() => downloadText(datedName(`${base}_社区表`, 'csv'), communitiesBeforeAfterCsv(r), 'text/csv;charset=utf-8')}>{S.export.communitiesCsv}</button>
          <button type="button" data-testid="export-xlsx" onClick={async () => {
            const bytes = await tablesXlsx([sitesTable(r, labels), communitiesTable(r)]);
            downloadBlob(datedName(base, 'xlsx'), new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
          }}>{S.export.xlsx}</button>
          <button type="button" data-testid="export-report" onClick={async () => {
            openReport({
              result: r,
              title: `社区嵌入式服务设施“一张蓝图”——${scopeLabel()}`,
              scopeLabel: scopeLabel(),
              packageName: data?.manifest.name ?? '',
              date: new Date(),
              synthetic: data?.manifest.synthetic === true,
              mapImage: await mapPng(),
              tables: [sitesTable(r, labels), communitiesTable(r)],
            });
          }}>{S.export.report}</button>
        </>
      )}
    </div>
  );
}

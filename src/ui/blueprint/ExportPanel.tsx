import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/appStore';
import { blueprintGeoJson, blueprintSitesCsv, communitiesBeforeAfterCsv } from '../../engine/index';
import { communitiesTable, sitesTable } from '../../export/blueprintTables';
import { downloadBlob, downloadDataUrl, downloadText } from '../../export/download';
import { datedName } from '../../export/fileName';
import { decoratedMapPng, mapPng } from '../../export/mapImage';
import { mapPictureText } from '../../export/mapPictureText';
import { openReport, type Orientation } from '../../export/reportHtml';
import { reportCommunitiesTable, reportSitesTable } from '../../export/reportTables';
import { useLang } from '../../i18n/lang';
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
  const lang = useLang();
  const [paper, setPaper] = useState<'A4' | 'A3'>('A4');
  const [orientation, setOrientation] = useState<Orientation>('portrait');
  return (
    <div className="bp-panel bp-exports" data-testid="export-panel">
      <button
        type="button"
        data-testid="export-png"
        onClick={async () => {
          const a = useApp.getState();
          if (!a.data) return;
          const view = { data: a.data, layers: a.layers, measure: a.measure, service: a.service, selection: a.selection, publicView: a.view === 'public' };
          const now = new Date();
          const bs = useBlueprint.getState();
          const blueprintShown = bs.showLayer && (bs.run !== null || bs.scenarioRun !== null);
          const text = mapPictureText({ ...view, manifest: a.data.manifest, basemap: a.basemap, tk: a.tk, blueprintShown }, lang, now);
          const url = await decoratedMapPng(text);
          if (url) await downloadDataUrl(datedName(tFor(lang)('report:file.map'), 'png', now), url);
        }}
      >
        {t('blueprint:export.png')}
      </button>
      {!r && <p className="muted">{t('blueprint:export.needRun')}</p>}
      {r && (
        <>
          <button
            type="button"
            data-testid="export-geojson"
            onClick={() => downloadText(datedName(base, 'geojson'), JSON.stringify(blueprintGeoJson(r), null, 1), 'application/geo+json')}
          >
            {t('blueprint:export.geojson')}
          </button>
          <button
            type="button"
            data-testid="export-sites-csv"
            onClick={() => downloadText(datedName(doc('report:file.sites', { base }), 'csv'), blueprintSitesCsv(r), 'text/csv;charset=utf-8')}
          >
            {t('blueprint:export.sitesCsv')}
          </button>
          <button
            type="button"
            data-testid="export-communities-csv"
            onClick={() => downloadText(datedName(doc('report:file.communities', { base }), 'csv'), communitiesBeforeAfterCsv(r), 'text/csv;charset=utf-8')}
          >
            {t('blueprint:export.communitiesCsv')}
          </button>
          <button
            type="button"
            data-testid="export-xlsx"
            onClick={async () => {
              const bytes = await tablesXlsx([sitesTable(r, labels), communitiesTable(r)]);
              downloadBlob(
                datedName(base, 'xlsx'),
                new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
              );
            }}
          >
            {t('blueprint:export.xlsx')}
          </button>
          <div className="bp-report-options">
            <label>
              {t('blueprint:export.paper')}{' '}
              <select data-testid="report-paper" value={paper} onChange={(e) => setPaper(e.target.value === 'A3' ? 'A3' : 'A4')}>
                <option value="A4">A4</option>
                <option value="A3">A3</option>
              </select>
            </label>{' '}
            <label>
              {t('blueprint:export.orientation')}{' '}
              <select
                data-testid="report-orientation"
                value={orientation}
                onChange={(e) => setOrientation(e.target.value === 'landscape' ? 'landscape' : 'portrait')}
              >
                <option value="portrait">{t('blueprint:export.portrait')}</option>
                <option value="landscape">{t('blueprint:export.landscape')}</option>
              </select>
            </label>
          </div>
          <button
            type="button"
            data-testid="export-report"
            onClick={async () => {
              const rt = tFor(lang);
              openReport({
                result: r,
                lang,
                paper,
                orientation,
                title: rt('report:title', { scope: scopeLabel() }),
                scopeLabel: scopeLabel(),
                packageName: data?.manifest.name ?? '',
                date: new Date(),
                synthetic: data?.manifest.synthetic === true,
                mapImage: await mapPng(),
                tables: [reportSitesTable(r, labels, lang), reportCommunitiesTable(r, lang)],
              });
            }}
          >
            {t('blueprint:export.report')}
          </button>
        </>
      )}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/appStore';
import { blueprintGeoJson, blueprintSitesCsv, communitiesBeforeAfterCsv } from '../../engine/index';
import { communitiesTable, sitesTable, type Table } from '../../export/blueprintTables';
import { downloadBlob, downloadDataUrl, downloadText } from '../../export/download';
import { datedName } from '../../export/fileName';
import { decoratedMapPng, mapPng } from '../../export/mapImage';
import { mapPictureText } from '../../export/mapPictureText';
import { openReport, type Orientation } from '../../export/reportHtml';
import { reportCommunitiesTable, reportSitesTable } from '../../export/reportTables';
import { tableCsv } from '../../export/rankingExport';
import { scenarioEffectTable, scenarioSiteRows, scenarioSitesTable } from '../../export/scenarioTables';
import { useLang, type Lang } from '../../i18n/lang';
import { tablesXlsx } from '../../export/xlsx';
import { blueprintScenario, isEmptyScenario, scopeOf, shownScenarioRun, useBlueprint } from '../../state/blueprintStore';
import { tFor } from '../../i18n';
import type { CandidateSource, Ownership } from '../../engine/index';
import { useHexResolution } from '../../map/hexLevels';

/** Scope in words for titles and file names, in `lang`. */
export function scopeLabel(lang: Lang = 'zh'): string {
  const sc = scopeOf(useBlueprint.getState());
  if (sc.street) return `${sc.district ?? ''} ${sc.street}`.trim();
  if (sc.district) return sc.district;
  const t = tFor(lang);
  if (sc.communityIds) return t('report:scope.selected', { n: sc.communityIds.length });
  return t('report:scope.all');
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Save tables as an .xlsx workbook (sheets and headers as the tables have them). */
async function saveXlsx(name: string, tables: Table[], lang: Lang): Promise<void> {
  const bytes = await tablesXlsx(tables, lang);
  downloadBlob(name, new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
}

/** The map picture with its title, legend, scale bar, north arrow, source and date, in `lang`. */
async function exportMapPng(lang: Lang): Promise<void> {
  const a = useApp.getState();
  if (!a.data) return;
  const bs = useBlueprint.getState();
  const now = new Date();
  const text = mapPictureText(
    {
      data: a.data,
      layers: a.layers,
      measure: a.measure,
      service: a.service,
      selection: a.selection,
      publicView: a.view === 'public',
      hexResolution: useHexResolution.getState().resolution,
      communities: shownScenarioRun(bs.scenarioRun, a.view)?.communities, // the colours the map picture shows (MapView)
      manifest: a.data.manifest,
      basemap: a.basemap,
      tk: a.tk,
      blueprintShown: bs.showLayer && (bs.run !== null || bs.scenarioRun !== null),
    },
    lang,
    now,
  );
  const url = await decoratedMapPng(text);
  if (url) await downloadDataUrl(datedName(tFor(lang)('report:file.map'), 'png', now), url);
}

/**
 * The edited what-if scenario's exports (no solver run needed): its sites compared with the
 * blueprint, and its effect as the dock shows it, as CSV and XLSX in the UI language.
 */
function ScenarioExports({ lang }: { lang: Lang }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const scenario = useBlueprint((s) => s.scenario);
  const scenarioRun = useBlueprint((s) => s.scenarioRun);
  const run = useBlueprint((s) => s.run);
  const data = useApp((s) => s.data);
  const doc = tFor(lang);
  const ready = !isEmptyScenario(scenario) && scenarioRun !== null && data !== null;
  const sites = () => scenarioSitesTable(scenarioSiteRows(scenario, run ? blueprintScenario(run) : null, data!), lang);
  const effect = () => scenarioEffectTable(scenarioRun!.summary, lang);
  return (
    <div className="bp-scenario-exports" data-testid="scenario-exports">
      <h4>{t('blueprint:export.scenarioTitle')}</h4>
      {!ready && <p className="muted">{t('blueprint:export.scenarioNeed')}</p>}
      {ready && (
        <>
          <button
            type="button"
            data-testid="export-scenario-csv"
            onClick={() => downloadText(datedName(doc('report:file.scenarioSites'), 'csv'), tableCsv(sites()), 'text/csv;charset=utf-8')}
          >
            {t('blueprint:export.scenarioSitesCsv')}
          </button>
          <button
            type="button"
            data-testid="export-scenario-effect-csv"
            onClick={() => downloadText(datedName(doc('report:file.scenarioEffect'), 'csv'), tableCsv(effect()), 'text/csv;charset=utf-8')}
          >
            {t('blueprint:export.scenarioEffectCsv')}
          </button>
          <button
            type="button"
            data-testid="export-scenario-xlsx"
            onClick={() => void saveXlsx(datedName(doc('report:file.scenario'), 'xlsx'), [sites(), effect()], lang)}
          >
            {t('blueprint:export.scenarioXlsx')}
          </button>
        </>
      )}
    </div>
  );
}

/** Exports of the blueprint: GeoJSON, CSV, XLSX, the printable report and the map PNG; the scenario's tables. File names, sheets and headers in the UI language. */
export function ExportPanel() {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const doc = tFor(lang);
  const run = useBlueprint((s) => s.run);
  const data = useApp((s) => s.data);
  const r = run?.result;
  const labels = { source: (c: string) => t(`source.${c as CandidateSource}`), ownership: (c: string) => t(`ownership.${c as Ownership}`) };
  const base = doc('report:file.blueprint', { scope: scopeLabel(lang) });
  const [paper, setPaper] = useState<'A4' | 'A3'>('A4');
  const [orientation, setOrientation] = useState<Orientation>('portrait');
  return (
    <div className="bp-panel bp-exports" data-testid="export-panel">
      <button type="button" data-testid="export-png" onClick={() => void exportMapPng(lang)}>
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
            onClick={() => void saveXlsx(datedName(base, 'xlsx'), [sitesTable(r, labels, lang), communitiesTable(r, lang)], lang)}
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
              openReport({
                result: r,
                lang,
                paper,
                orientation,
                title: doc('report:title', { scope: scopeLabel(lang) }),
                scopeLabel: scopeLabel(lang),
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
      <ScenarioExports lang={lang} />
    </div>
  );
}

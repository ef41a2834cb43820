import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { initI18n } from '../i18n';
import { MapView } from '../map/MapView';
import type { HoverInfo } from '../map/hoverInfo';
import { analyzeFiles } from '../client/engineClient';
import { analyzeUrlCached } from '../client/modeRunCache';
import type { MapData, PackageMapData } from '../worker/protocol';
import { toFailure } from '../worker/failure';
import { Banner } from '../ui/Banner';
import { ControlPanel } from '../ui/ControlPanel';
import { HoverTooltip } from '../ui/HoverTooltip';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { OpenFolderButton } from '../ui/OpenFolderButton';
import { PublishButton } from '../ui/PublishButton';
import { ProgressOverlay } from '../ui/ProgressOverlay';
import { RankingTable } from '../ui/RankingTable';
import { SearchBox } from '../ui/SearchBox';
import { SettingsDialog } from '../ui/SettingsDialog';
import { SidePanel } from '../ui/SidePanel';
import { HeaderMenu } from '../ui/HeaderMenu';
import { PhoneSheet } from '../ui/PhoneSheet';
import { useMediaQuery } from '../ui/useMediaQuery';
import { warmNumberFormats } from '../ui/format';
import { BlueprintDock, BlueprintToggle } from '../ui/blueprint/BlueprintDock';
import { useBlueprint } from '../state/blueprintStore';
import { usePilotsFollowData } from '../state/pilotActions';
import { PilotsPanel, PilotsToggle } from '../ui/pilots/PilotsPanel';
import { CentreFlagsCell, CentreFlagsHeader } from '../ui/pilots/CentreFlags';
import { DataCheck, DataCheckButton } from '../ui/data/DataCheck';
import { DataDrop } from '../ui/data/DataDrop';
import { takePackageFiles } from '../ui/data/takePackageFiles';
import { ImportButton } from '../ui/import/ImportButton';
import { ImportWizard } from '../ui/import/ImportWizard';
import { pickView, useApp } from '../state/appStore';
import { takePrestarted } from '../state/prestart';
import { followCachedModes, switchToCachedMode } from '../state/cachedModeSwitch';
import { formatView } from '../state/viewState';
import { packageIdentity, packageIdentityInSlices } from '../state/packageIdentity';
import { CopyLinkButton } from '../ui/projects/CopyLinkButton';
import { PackageMismatch } from '../ui/projects/PackageMismatch';
import { ProjectMenu } from '../ui/projects/ProjectMenu';
import { useWalkPointInUrl } from '../state/walkActions';
import { projectPackage, setProjectPackage } from '../state/projects/projectSession';

/**
 * Up to this window width the public view takes its phone layout (the map first, the panels in
 * a sheet): the published site's breakpoint (src/public/style.css, 900 px).
 */
const PHONE_QUERY = '(max-width: 899px)';

type Source = { kind: 'url'; dataset: string } | { kind: 'files'; files: File[] };

/**
 * The ranking table, re-ranked by what-if edits. Only this component follows the scenario, so
 * an edit re-renders the table (when open) and not the whole application.
 */
function ScenarioRanking({ data }: { data: MapData }) {
  const scenarioCommunities = useBlueprint((s) => s.scenarioRun?.communities);
  const service = useApp((s) => s.service);
  const selection = useApp((s) => s.selection);
  const set = useApp((s) => s.set);
  return (
    <RankingTable
      communities={scenarioCommunities ?? data.analysis.communities}
      service={service}
      selectedId={selection?.kind === 'community' ? selection.id : undefined}
      onSelect={(id) => set({ selection: { kind: 'community', id }, zoomRequest: useApp.getState().zoomRequest + 1 })}
      extraColumn={{ header: <CentreFlagsHeader />, cell: (c) => <CentreFlagsCell index={c.index} /> }}
    />
  );
}

/** The planning map application: header, controls, map, side panel and ranking table. */
export function App() {
  const { t } = useTranslation();
  const lang = useApp((s) => s.lang);
  const data = useApp((s) => s.data);
  /** Another package's part on the map (its analysis running): the data's tooltips do not apply to it. */
  const partShown = useApp((s) => s.pkgData !== null);
  /**
   * The manifest of the package on the map: its part's while its analysis runs, so the header and
   * the synthetic banner are laid out with the package's first picture and the map does not resize
   * (its tiles re-cut, a frame more) when the analysed data lands.
   */
  const manifest = useApp((s) => (s.pkgData ?? s.data)?.manifest);
  const service = useApp((s) => s.service);
  const view = useApp((s) => s.view);
  const mode = useApp((s) => s.mode);
  const effort = useApp((s) => s.effort);
  const dataset = useApp((s) => s.dataset);
  const rankingOpen = useApp((s) => s.rankingOpen);
  const set = useApp((s) => s.set);
  const phone = useMediaQuery(PHONE_QUERY);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [source, setSource] = useState<Source>(() => {
    // A restored project's opened folder: its kept bytes go to the worker again.
    const kept = projectPackage();
    return kept.kind === 'files' ? { kind: 'files', files: kept.files.map((f) => new File([f.bytes as BlobPart], f.name)) } : { kind: 'url', dataset };
  });
  const run = useRef(0);
  /** Bumped when a cached mode switch finds the worker no longer holds that analysis: analyse again. */
  const [rerun, setRerun] = useState(0);
  const loaded = useRef<Source | null>(null); // the source of the package on the map
  const restoring = useRef(false);
  usePilotsFollowData(); // the 试点 programme and the plan's layers follow the data on the map

  // Language: i18next and the document follow the store.
  useEffect(() => {
    initI18n(lang);
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  }, [lang]);

  // The URL keeps the view and the selection.
  useEffect(
    () =>
      useApp.subscribe((s, prev) => {
        const next = formatView(pickView(s));
        if (next !== formatView(pickView(prev))) history.replaceState(null, '', `${location.pathname}${next}${location.hash}`);
      }),
    [],
  );

  // A switch back to a mode computed before swaps its data in with the mode change itself (one render).
  useEffect(() => followCachedModes(() => setRerun((n) => n + 1)), []);
  // The locale data of number formatting loads while the package does (not in the first render of its numbers).
  useEffect(() => {
    const t = setTimeout(() => warmNumberFormats(), 0);
    return () => clearTimeout(t);
  }, []);
  // A package part is hashed in slices while its analysis runs: packageIdentity(d) below then finds it remembered.
  useEffect(
    () =>
      useApp.subscribe((s, prev) => {
        if (s.pkgData && s.pkgData !== prev.pkgData) void packageIdentityInSlices(s.pkgData);
      }),
    [],
  );

  // Run the engine in the worker whenever the source or the distance mode changes.
  useEffect(() => {
    if (restoring.current) {
      restoring.current = false; // back to the package on the map after a failed open: nothing to re-run
      return;
    }
    const id = ++run.current;
    // The first analysis was started by main.tsx before this code loaded (prestart.ts).
    const first = takePrestarted(source.kind === 'url' ? source.dataset : '\u0000files', mode, effort);
    // Back to a mode computed before for the package on the map: its data at once, no loading status.
    const again = () => {
      if (id === run.current) setRerun((n) => n + 1);
    };
    if (!first && source.kind === 'url' && loaded.current === source && switchToCachedMode(source.dataset, mode, effort, again)) return;
    set({ status: 'loading', progress: { stage: 'fetch', fraction: 0 }, error: null });
    const onProgress = (stage: string, fraction: number) => {
      if (id === run.current) useApp.getState().set({ progress: { stage, fraction } });
    };
    // The package's outlines and facilities go on the map while its analysis runs.
    const onPackage = (part: PackageMapData) => {
      if (id === run.current) useApp.getState().set({ pkgData: part });
    };
    const job: Promise<MapData> =
      first ??
      (source.kind === 'url'
        ? analyzeUrlCached(`data/${source.dataset}/`, mode, onProgress, effort, onPackage)
        : analyzeFiles(source.files, mode, onProgress, effort, onPackage));
    job.then(
      (d) => {
        if (id !== run.current) return;
        if (loaded.current !== source) void setProjectPackage(source);
        loaded.current = source;
        // The link's camera, selection and walkshed belong to the package it names (`pkg`).
        const identity = packageIdentity(d);
        const want = useApp.getState().pkg;
        if (want && want !== identity) {
          set({ data: d, pkgData: null, status: 'ready', pkg: identity, pkgMismatch: true, selection: null, camera: null, walkPoint: null, linkPkg: want });
        } else set({ data: d, pkgData: null, status: 'ready', pkg: identity });
        (window as unknown as { __yulintuReady?: number }).__yulintuReady = performance.now();
      },
      (err: unknown) => {
        if (id !== run.current) return;
        set({ status: 'error', error: toFailure(err), pkgData: null });
        // The previous package stays on the map; later mode switches re-run it, not the failed one.
        if (loaded.current && loaded.current !== source) {
          restoring.current = true;
          setSource(loaded.current);
        }
      },
    );
  }, [source, mode, effort, set, rerun]);

  const onFiles = useCallback(
    (files: File[], skipped: string[] = []) => {
      const picked = takePackageFiles(files, skipped); // package files only; the rest is noted
      set({ selection: null, camera: null, walkPoint: null, pkg: '', pkgMismatch: false });
      setSource({ kind: 'files', files: picked });
    },
    [set],
  );
  const onHover = useCallback((h: HoverInfo | null) => setHover(h), []);
  useWalkPointInUrl();

  const rankingButton = (
    <button type="button" onClick={() => set({ rankingOpen: !rankingOpen })} data-testid="ranking-toggle">
      {rankingOpen ? t('ranking.hide') : t('ranking.show')}
    </button>
  );
  const settingsButton = (
    <button type="button" onClick={() => set({ settingsOpen: !useApp.getState().settingsOpen })}>
      {t('control.settings')}
    </button>
  );
  const mapWrap = (
    <div className="map-wrap" key="map">
      <MapView onHover={onHover} />
      <HoverTooltip hover={hover} data={partShown ? null : data} service={service} />
      {rankingOpen && data && <ScenarioRanking data={data} />}
      <BlueprintDock />
      <PilotsPanel />
      <ProgressOverlay />
      <SettingsDialog />
      {view !== 'public' && <DataCheck />}
      {view !== 'public' && <DataDrop onFiles={onFiles} />}
      {view !== 'public' && <ImportWizard onAnalyse={onFiles} />}
    </div>
  );

  // The public view on a phone (PHONE_QUERY): the map first; the panels in a sheet under it.
  if (phone && view === 'public') {
    return (
      <div className="app public phone">
        <header className="app-header">
          <div className="brand">
            <span className="brand-title">{t('app.title')}</span>
          </div>
          <div className="spacer" />
          <HeaderMenu label={t('header.more')} testId="header-more">
            {rankingButton}
            {settingsButton}
            <CopyLinkButton />
          </HeaderMenu>
          <LanguageSwitch />
          <SearchBox />
        </header>
        <Banner synthetic={manifest?.synthetic === true} publicView />
        <PackageMismatch />
        <main className="app-main">
          {mapWrap}
          <PhoneSheet key="sheet">
            <ControlPanel />
            <SidePanel />
          </PhoneSheet>
        </main>
      </div>
    );
  }

  return (
    <div className={`app ${view === 'public' ? 'public' : ''}`}>
      <header className="app-header">
        <div className="brand">
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-sub">{t('app.subtitle')}</span>
        </div>
        {manifest && (
          <span className="package-name" title={`${t('data.name')}: ${manifest.name}`}>
            {manifest.name}
          </span>
        )}
        {/* The data check lists rows of the package's own files: internal, so not in the public view. */}
        {view !== 'public' && <DataCheckButton />}
        <div className="spacer" />
        <SearchBox />
        {view !== 'public' && <ProjectMenu />}
        <BlueprintToggle />
        <PilotsToggle />
        {rankingButton}
        {settingsButton}
        {view !== 'public' ? (
          <HeaderMenu label={t('header.file')} testId="header-file">
            <OpenFolderButton onFiles={onFiles} />
            <ImportButton />
            <PublishButton />
            <CopyLinkButton />
          </HeaderMenu>
        ) : (
          <CopyLinkButton />
        )}
        <LanguageSwitch />
      </header>
      <Banner synthetic={manifest?.synthetic === true} publicView={view === 'public'} />
      <PackageMismatch />
      <main className="app-main">
        <ControlPanel key="control" />
        {mapWrap}
        <SidePanel key="side" />
      </main>
    </div>
  );
}

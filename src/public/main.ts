import './style.css';
import { SERVICES, type ServiceCode } from '../engine/public';
import { pointInPolygon } from '../engine/public';
import type { PublicCommunity } from '../engine/public';
import { el, setChildren } from './dom';
import { formatHash, parseHash, type HashState, type Place } from './hashState';
import { MapView } from './mapView';
import { nearby, nearbyIndex, type Nearby, type NearbyIndex } from './nearby';
import { communityCard, facilityCard, nearbyCards, svcName, type PanelContext } from './panel';
import { legend } from './legend';
import { aboutContent } from './about';
import { chipScroller } from './chipScroller';
import { buildSearch, search, type SearchHit } from './searchIndex';
import { loadSiteData, type SiteData } from './siteData';
import { STRINGS, type Strings } from './strings';
import { WalkNetwork } from './walkNetwork';

/** Farthest walk searched along the network for the nearest facility of each service, metres. */
const NETWORK_SEARCH_M = 3000;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The public service map: one page, its own data, no planner tools. */
class PublicApp {
  private state: HashState = parseHash(location.hash);
  private t: Strings = STRINGS[this.state.lang];
  private map!: MapView;
  private idx!: NearbyIndex;
  private hits: SearchHit[] = [];
  private ringsM: number[] = [];
  private searchM = Infinity;
  private current: Nearby | null = null;

  constructor(private readonly data: SiteData) {}

  start(): void {
    const d = this.data;
    this.ringsM = d.meta.walk.minutes.map((m) => m * d.meta.walk.metresPerMinute);
    const network = d.network ? new WalkNetwork(d.network, d.meta.policy.maxSnapM) : undefined;
    if (network) this.searchM = NETWORK_SEARCH_M;
    this.idx = nearbyIndex(d.facilities, d.planned, network);
    this.hits = buildSearch(d);
    this.map = new MapView($('map'), d, {
      onFacility: (id) => this.go({ kind: 'facility', id }),
      onPoint: (lon, lat) => this.go({ kind: 'point', lon, lat }),
    });
    $('lang-btn').addEventListener('click', () => {
      this.state.lang = this.state.lang === 'zh' ? 'en' : 'zh';
      this.t = STRINGS[this.state.lang];
      this.writeHash();
      this.render();
    });
    $('about-btn').addEventListener('click', () => this.openAbout());
    chipScroller($('chips-wrap'), $('chips'), $('chips-prev'), $('chips-next'));
    $<HTMLDialogElement>('about').addEventListener('close', () => $('about-btn').focus());
    const q = $<HTMLInputElement>('q');
    q.addEventListener('input', () => this.renderHits());
    q.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        const first = search(this.hits, q.value)[0];
        if (first) this.pick(first);
      } else if (e.key === 'Escape') {
        q.value = '';
        this.renderHits();
      }
    });
    window.addEventListener('hashchange', () => {
      if (location.hash === formatHash(this.state)) return;
      this.state = parseHash(location.hash);
      this.t = STRINGS[this.state.lang];
      this.render();
      this.update(true);
    });
    this.render();
    void this.map.setService(this.state.service);
    this.update(true);
    // a mark for tests and scripts: the first frame with every layer is drawn
    void this.map.whenReady().then(() =>
      this.map.map.once('idle', () => {
        document.body.dataset.ready = '1';
        // the offline cache, once every file is loaded (it then copies them from the HTTP cache); the site works without it
        if ('serviceWorker' in navigator && location.protocol !== 'file:') navigator.serviceWorker.register('sw.js').catch(() => undefined);
      }),
    );
  }

  /** Go to a place: remember it in the URL, measure what is near it. */
  private go(place: Place | null, fly = false): void {
    this.state.place = place;
    this.writeHash();
    this.update(fly);
  }

  private writeHash(): void {
    const h = formatHash(this.state);
    history.replaceState(null, '', h || location.pathname + location.search);
  }

  /** The place's coordinates and what it is. */
  private resolve(place: Place | null): { lon: number; lat: number; facility?: SiteData['facilities'][number] | SiteData['planned'][number]; community?: PublicCommunity } | null {
    if (!place) return null;
    if (place.kind === 'point') return { lon: place.lon, lat: place.lat, community: this.communityAt(place.lon, place.lat) };
    if (place.kind === 'facility') {
      const f = this.data.facilities.find((x) => x.id === place.id) ?? this.data.planned.find((x) => x.id === place.id);
      return f ? { lon: f.lon, lat: f.lat, facility: f, community: this.communityAt(f.lon, f.lat) } : null;
    }
    const hit = this.hits.find((h) => h.kind === 'community' && h.id === place.id);
    const c = this.data.communities.features.find((f) => f.properties.id === place.id);
    return hit && c ? { lon: hit.lon, lat: hit.lat, community: c.properties } : null;
  }

  private communityAt(lon: number, lat: number): PublicCommunity | undefined {
    return this.data.communities.features.find((f) => pointInPolygon(lon, lat, f.geometry))?.properties;
  }

  /** Recompute what is near the place and redraw map and panel. */
  private update(fly: boolean): void {
    const r = this.resolve(this.state.place);
    this.current = r ? nearby(this.idx, r.lon, r.lat, this.state.service, this.ringsM, this.data.meta.walk.metresPerMinute, this.searchM) : null;
    const edges = r && this.current?.dist && this.idx.network ? this.idx.network.reachedEdges(this.current.dist, this.ringsM) : null;
    void this.map.showPlace(r && !r.facility ? r : r ? { lon: r.lon, lat: r.lat } : null, this.ringsM, edges, r?.facility ?? null);
    if (r && fly) void this.map.whenReady().then(() => this.map.flyTo(r.lon, r.lat, this.ringsM[this.ringsM.length - 1]));
    this.renderPanel();
  }

  private ctx(): PanelContext {
    return { t: this.t, lang: this.state.lang, meta: this.data.meta, service: this.state.service, onFacility: (id) => this.go({ kind: 'facility', id }, true) };
  }

  /** Texts of the page chrome (language switch re-renders everything). */
  private render(): void {
    const t = this.t;
    const lang = this.state.lang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    // the default title reads in the chosen language; a publisher's own title stays as written
    const title = this.data.meta.title === STRINGS.zh.defaultTitle ? t.defaultTitle : this.data.meta.title;
    document.title = title;
    $('title').textContent = title;
    $('lang-btn').textContent = t.langButton;
    $('lang-btn').setAttribute('aria-label', t.langButtonLabel);
    $('lang-btn').setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
    $('about-btn').textContent = t.about;
    const banner = $('synthetic');
    banner.hidden = !this.data.meta.synthetic;
    banner.textContent = t.synthetic;
    $('q-label').textContent = t.searchLabel;
    $<HTMLInputElement>('q').placeholder = t.searchPlaceholder;
    $('map').setAttribute('aria-label', t.mapLabel);
    $('panel').setAttribute('aria-label', t.resultsLabel);
    const chips = $('chips');
    chips.setAttribute('aria-label', t.services);
    const options: (ServiceCode | 'all')[] = ['all', ...SERVICES];
    setChildren(
      chips,
      ...options.map((s) =>
        el(
          'button',
          {
            type: 'button',
            class: 'chip',
            'aria-pressed': String(this.state.service === s),
            on: {
              click: () => {
                this.state.service = s;
                this.render();
                void this.map.setService(s);
                this.go(this.state.place);
              },
            },
          },
          s === 'all' ? t.all : svcName(s, lang),
        ),
      ),
    );
    this.renderHits();
    this.renderPanel();
  }

  private renderHits(): void {
    const q = $<HTMLInputElement>('q');
    const list = $('hits');
    const found = search(this.hits, q.value);
    const kinds = { community: this.t.kindCommunity, facility: this.t.kindFacility, street: this.t.kindStreet, planned: this.t.kindPlanned };
    if (q.value.trim() && found.length === 0) setChildren(list, el('li', { class: 'muted' }, this.t.noMatch));
    else setChildren(list, ...found.map((h) => el('li', {}, el('button', { type: 'button', class: 'hit', on: { click: () => this.pick(h) } }, el('span', { class: 'hit-kind' }, kinds[h.kind]), h.label, h.detail ? el('span', { class: 'hit-detail' }, h.detail) : null))));
  }

  private pick(h: SearchHit): void {
    $<HTMLInputElement>('q').value = '';
    this.renderHits();
    if (h.kind === 'community') this.go({ kind: 'community', id: h.id }, true);
    else if (h.kind === 'facility' || h.kind === 'planned') this.go({ kind: 'facility', id: h.id }, true);
    else this.go({ kind: 'point', lon: h.lon, lat: h.lat }, true);
    $('panel').focus();
  }

  private renderPanel(): void {
    const panel = $('panel');
    const c = this.ctx();
    const r = this.resolve(this.state.place);
    if (!r || !this.current) {
      setChildren(panel, el('p', { class: 'hint' }, this.t.hint), legend(c, this.ringsM));
      return;
    }
    const shareUrl = location.href;
    const share = el(
      'div',
      { class: 'share' },
      el(
        'button',
        {
          type: 'button',
          class: 'primary',
          on: {
            click: (e) => {
              const b = e.currentTarget as HTMLButtonElement;
              void navigator.clipboard?.writeText(shareUrl).then(
                () => (b.textContent = this.t.shareDone),
                () => undefined,
              );
              ($('share-url') as HTMLInputElement | null)?.select();
            },
          },
        },
        this.t.share,
      ),
      el('label', { class: 'sr-only', for: 'share-url' }, this.t.shareLabel),
      el('input', { id: 'share-url', type: 'text', readonly: true, value: shareUrl }),
    );
    const isCommunity = this.state.place?.kind === 'community' && r.community;
    const head = r.facility ? facilityCard(r.facility, c) : isCommunity ? communityCard(r.community!, c) : el('section', { class: 'card' }, el('h2', {}, this.t.pointTitle));
    const community = r.community && !isCommunity ? communityCard(r.community, c) : null;
    setChildren(panel, head, ...nearbyCards(this.current, c, this.ringsM, this.searchM), community, share, legend(c, this.ringsM));
  }

  private openAbout(): void {
    const dialog = $<HTMLDialogElement>('about');
    setChildren(
      dialog,
      el('h2', { id: 'about-title', tabindex: '-1' }, this.t.aboutTitle),
      this.data.meta.synthetic ? el('p', { class: 'banner' }, this.t.synthetic) : null,
      ...aboutContent(this.ctx(), this.ringsM),
      el('form', { method: 'dialog' }, el('button', { type: 'submit', class: 'primary' }, this.t.close)),
    );
    dialog.setAttribute('aria-labelledby', 'about-title');
    dialog.showModal();
    dialog.scrollTop = 0;
    $('about-title').focus();
  }
}

async function boot(): Promise<void> {
  const status = $('status');
  const lang = parseHash(location.hash).lang;
  status.textContent = STRINGS[lang].loading;
  try {
    const data = await loadSiteData();
    status.textContent = '';
    status.hidden = true;
    new PublicApp(data).start();
  } catch (e) {
    status.textContent = `${STRINGS[lang].loadFailed}: ${(e as Error).message}`;
    status.classList.add('warn');
  }
}

void boot();

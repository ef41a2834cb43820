import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PublicCommunity, PublicDemandCell, PublicFacility, PublicPlannedSite, PublicSiteMeta } from '../engine/public';
import type { PublicNetwork } from './walkNetwork';

/** Everything the public site shows, as published (data/*.json). */
export interface SiteData {
  meta: PublicSiteMeta;
  communities: FeatureCollection<Polygon | MultiPolygon, PublicCommunity>;
  facilities: PublicFacility[];
  planned: PublicPlannedSite[];
  demand: PublicDemandCell[];
  network?: PublicNetwork;
}

async function json<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Load the site's own data files (relative URLs: the site works from any folder of any static server). */
export async function loadSiteData(): Promise<SiteData> {
  const meta = await json<PublicSiteMeta>('data/site.json');
  const [communities, facilities, planned, demand, network] = await Promise.all([
    json<SiteData['communities']>('data/communities.json'),
    json<PublicFacility[]>('data/facilities.json'),
    json<PublicPlannedSite[]>('data/planned.json'),
    json<PublicDemandCell[]>('data/demand.json'),
    meta.mode === 'network' ? json<PublicNetwork>('data/network.json') : Promise.resolve(undefined),
  ]);
  return { meta, communities, facilities, planned, demand, network };
}

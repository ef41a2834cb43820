import { aggregateH3, type Analysis, type DataPackage } from '../../src/engine/index';
import { analysisMapData, packageMapData } from '../../src/worker/buildMapData';
import { joinMapData } from '../../src/client/joinMapData';
import type { MapData } from '../../src/worker/protocol';

/**
 * The MapData the page holds for a package and its analysis: the worker's package part and
 * analysis part (H3 cells at `resolution`, default 9 as in the worker), joined as on the page.
 */
export function mapDataFor(pkg: DataPackage, analysis: Analysis, resolution = 9, packageId = 0): MapData {
  return joinMapData(packageMapData(pkg, packageId), analysisMapData(pkg, analysis, aggregateH3(pkg, analysis, resolution), resolution));
}

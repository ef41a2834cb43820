import { EngineError, type DataPackage, type DistanceProvider, type Policy } from '../../src/engine/index';

/** Network mode is not wired in yet: the walking-network issue brings it. */
export function networkProviderFactory(pkg: DataPackage, policy: Policy): DistanceProvider {
  void pkg;
  void policy;
  throw new EngineError('E_NOT_SUPPORTED', { detail: '--mode network (walking network comes with the mountain-city walking issue)' });
}

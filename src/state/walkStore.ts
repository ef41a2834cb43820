import { create } from 'zustand';
import type { FacilityWalkshed, PointReach } from '../worker/protocol';

/** State of the walkshed tools (not in the URL: results are recomputed on demand). */
export interface WalkState {
  /** "What can I reach from here" is armed: the next map click computes walksheds from that point. */
  tool: boolean;
  /** Walksheds and reachable facilities from the last clicked point. */
  point: PointReach | null;
  /** The network walkshed of the selected facility (network modes only). */
  facility: FacilityWalkshed | null;
  busy: boolean;
  error: string | null;
  set: (patch: Partial<WalkState>) => void;
}

export const useWalk = create<WalkState>((set) => ({
  tool: false,
  point: null,
  facility: null,
  busy: false,
  error: null,
  set: (patch) => set(patch),
}));

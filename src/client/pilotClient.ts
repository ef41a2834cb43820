import type { Pilot, ProposedPilot } from '../engine/index';
import type { PilotBase, PilotEdits, PilotView } from '../worker/protocol';
import { engineRemote } from './engineClient';

/** The loaded package's own pilot, evaluation and landing point rows (engine worker). */
export function pilotBase(): Promise<PilotBase> {
  return engineRemote().pilotBase() as Promise<PilotBase>;
}

/** The pilot rules applied to an edited programme on `asOf` (YYYY-MM-DD), in the engine worker. */
export function pilotProgrammeOf(edits: PilotEdits, asOf: string): Promise<PilotView> {
  return engineRemote().pilotProgramme(edits, asOf) as Promise<PilotView>;
}

/** Proposed pilot communities by need, in the engine worker (perDistrict null: no limit). */
export function proposePilotsOf(count: number, perDistrict: number | null, pilots: Pilot[]): Promise<ProposedPilot[]> {
  return engineRemote().proposePilots(count, perDistrict, pilots) as Promise<ProposedPilot[]>;
}

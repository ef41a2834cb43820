import type { Rejection } from '../errors';
import type { WalkGraph } from './WalkGraph';

/**
 * A {@link WalkGraph} as plain ArrayBuffers, for `postMessage(b, b.transfer)` to or from a
 * Web Worker without copying. After transferring, the source graph's arrays are detached.
 */
export interface WalkGraphBuffers {
  nodeCount: number;
  halfEdgeCount: number;
  nodeLon: ArrayBuffer;
  nodeLat: ArrayBuffer;
  nodeZ: ArrayBuffer;
  offsets: ArrayBuffer;
  target: ArrayBuffer;
  lengthM: ArrayBuffer;
  kind: ArrayBuffer;
  twin: ArrayBuffer;
  rejected: Rejection[];
  /** The buffers above, as the transfer list of `postMessage`. */
  transfer: ArrayBuffer[];
}

/** The graph's arrays as transferable buffers (no copy when the arrays own their whole buffer). */
export function walkGraphToBuffers(g: WalkGraph): WalkGraphBuffers {
  const own = (a: Float64Array | Int32Array | Uint8Array): ArrayBuffer =>
    a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.buffer instanceof ArrayBuffer ? a.buffer : (a.slice().buffer as ArrayBuffer);
  const b = {
    nodeCount: g.nodeCount,
    halfEdgeCount: g.halfEdgeCount,
    nodeLon: own(g.nodeLon),
    nodeLat: own(g.nodeLat),
    nodeZ: own(g.nodeZ),
    offsets: own(g.offsets),
    target: own(g.target),
    lengthM: own(g.lengthM),
    kind: own(g.kind),
    twin: own(g.twin),
    rejected: g.rejected,
    transfer: [] as ArrayBuffer[],
  };
  b.transfer = [b.nodeLon, b.nodeLat, b.nodeZ, b.offsets, b.target, b.lengthM, b.kind, b.twin];
  return b;
}

/** The graph back from {@link walkGraphToBuffers}' buffers (views, no copy). */
export function walkGraphFromBuffers(b: WalkGraphBuffers): WalkGraph {
  return {
    nodeCount: b.nodeCount,
    halfEdgeCount: b.halfEdgeCount,
    nodeLon: new Float64Array(b.nodeLon),
    nodeLat: new Float64Array(b.nodeLat),
    nodeZ: new Float64Array(b.nodeZ),
    offsets: new Int32Array(b.offsets),
    target: new Int32Array(b.target),
    lengthM: new Float64Array(b.lengthM),
    kind: new Uint8Array(b.kind),
    twin: new Int32Array(b.twin),
    rejected: b.rejected ?? [],
  };
}

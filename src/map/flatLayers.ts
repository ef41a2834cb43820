/**
 * deck.gl's ScatterplotLayer and IconLayer drawn without instancing: each dot or icon is two
 * triangles of its own (six vertices), all of a layer in one draw, with the original layer's very
 * shaders, props and look. Why: software WebGL (SwiftShader, as in the browser tests and on
 * office machines without a usable GPU) runs an instanced draw as one internal draw per instance,
 * ~25 µs each. The 21k facility dots of the 1M city cost ~0.5 s of every frame at the city extent
 * instanced, ~0.1 s like this (measured in the app: frame 0.7 → 0.3 s); 21k non-instanced
 * squares of a polygon layer cost the same. A real GPU draws either in well under a millisecond.
 *
 * How: the layer's per-instance attributes become per-vertex ones, each dot's value repeated over
 * its six vertices by deck's own variable-length layout (`startIndices`, as its path and polygon
 * layers use); the square's corners, which the instanced layer takes from its geometry, become one
 * generated attribute (`positions`). GPU picking would give every dot the same colour (no
 * instance id): the map picks on the CPU (cpuPicking.ts answers these layers as the originals).
 *
 * Relies on deck.gl 9.x internals (attribute `settings.stepMode`, `update`/`noAlloc` attributes,
 * layer state `numInstances`/`startIndices`, `_getModel` of both layers);
 * test/map/flatLayers.test.ts checks them on the installed deck.gl.
 */
import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { DefaultProps, Layer, UpdateParameters } from '@deck.gl/core';

/** Vertices per dot: two triangles over the square [-1, 1]². */
export const DOT_VERTICES = 6;
const CORNERS_2D = [-1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1, 1];

const cornersCache = new Map<string, Float32Array>();
/** The corner attribute of `n` dots: the square's corners per vertex, `size` 2 (x, y) or 3 (x, y, 0); one array per size and count. */
export function dotCorners(n: number, size: 2 | 3): Float32Array {
  const key = `${size}:${n}`;
  let a = cornersCache.get(key);
  if (!a) {
    const one = size === 2 ? CORNERS_2D : CORNERS_2D.flatMap((v, k) => (k % 2 ? [v, 0] : [v]));
    a = new Float32Array(n * one.length);
    for (let k = 0; k < n; k++) a.set(one, k * one.length);
    if (cornersCache.size > 8) cornersCache.clear();
    cornersCache.set(key, a);
  }
  return a;
}

/** Vertex start of each dot: 0, 6, 12, …, one per dot. */
export function dotStarts(n: number): Uint32Array {
  const s = new Uint32Array(n);
  for (let k = 0; k < n; k++) s[k] = k * DOT_VERTICES;
  return s;
}

/** Number of objects in a layer's data: an array, or binary data with a `length`. */
function countOf(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  const n = (data as { length?: unknown } | null)?.length;
  return typeof n === 'number' ? n : 0;
}

/** The parts of deck's attribute and layer internals used here. */
interface Attr {
  settings: { stepMode?: string };
}
interface FlatState {
  startIndices?: Uint32Array;
  model?: { isInstanced?: boolean; setTopology(t: string): void; setVertexCount(n: number): void };
}

/** After the layer declared its attributes: per instance → per vertex, plus the corner attribute `positions`. */
function flattenAttributes(layer: Layer, cornerSize: 2 | 3): void {
  const am = layer.getAttributeManager()!;
  for (const a of Object.values(am.getAttributes()) as unknown as Attr[]) if (a.settings.stepMode === 'instance') a.settings.stepMode = 'vertex';
  am.add({
    positions: {
      size: cornerSize,
      noAlloc: true,
      update: (attribute: { value: unknown }, { numInstances }: { numInstances: number }) => {
        attribute.value = dotCorners(numInstances / DOT_VERTICES, cornerSize);
      },
    },
  });
}

/** Before the layer's own update: the vertex layout of its data (six vertices a dot). */
function flatLayout(layer: Layer & { setState(s: object): void }, params: UpdateParameters<Layer>): void {
  const state = layer.state as FlatState;
  if (params.changeFlags.dataChanged || !state.startIndices) {
    const n = countOf(layer.props.data);
    // Read by deck's attribute update (Layer.getNumInstances / getStartIndices): vertices, and each dot's first.
    layer.setState({ numInstances: n * DOT_VERTICES, startIndices: dotStarts(n) });
    layer.getAttributeManager()!.invalidateAll();
  }
}

/** The layer's instanced model (a strip over the square) as a plain triangle list. */
function flatModel<M>(model: M): M {
  const m = model as unknown as NonNullable<FlatState['model']>;
  m.isInstanced = false;
  m.setTopology('triangle-list');
  m.setVertexCount(0);
  return model;
}

function setVertexCount(layer: Layer): void {
  (layer.state as FlatState).model?.setVertexCount(layer.getNumInstances());
}

/** ScatterplotLayer without instancing (see the module's comment). */
export class FlatScatterplotLayer<D = unknown, P extends object = object> extends ScatterplotLayer<D, P> {
  static override layerName = 'FlatScatterplotLayer';
  static override defaultProps = ScatterplotLayer.defaultProps as DefaultProps;

  override initializeState(): void {
    super.initializeState();
    flattenAttributes(this as unknown as Layer, 3);
  }

  override updateState(params: UpdateParameters<this>): void {
    flatLayout(this as unknown as Layer & { setState(s: object): void }, params as unknown as UpdateParameters<Layer>);
    super.updateState(params);
  }

  override draw(opts: { uniforms: unknown }): void {
    setVertexCount(this as unknown as Layer);
    super.draw(opts);
  }

  protected override _getModel(): ReturnType<ScatterplotLayer['_getModel']> {
    return flatModel(super._getModel());
  }
}

/** IconLayer without instancing (see the module's comment). */
export class FlatIconLayer<D = unknown, P extends object = object> extends IconLayer<D, P> {
  static override layerName = 'FlatIconLayer';
  static override defaultProps = IconLayer.defaultProps as DefaultProps;

  override initializeState(): void {
    super.initializeState();
    flattenAttributes(this as unknown as Layer, 2);
  }

  override updateState(params: UpdateParameters<this>): void {
    flatLayout(this as unknown as Layer & { setState(s: object): void }, params as unknown as UpdateParameters<Layer>);
    super.updateState(params);
  }

  protected override _drawModel(model: Parameters<IconLayer['_drawModel']>[0]): void {
    model.setVertexCount(this.getNumInstances());
    super._drawModel(model);
  }

  protected override _getModel(id?: string): ReturnType<IconLayer['_getModel']> {
    return flatModel(super._getModel(id));
  }
}

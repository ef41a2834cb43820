/**
 * The non-instanced ScatterplotLayer and IconLayer (src/map/flatLayers.ts): their vertex layout,
 * and the deck.gl 9 internals they rely on, checked on the installed deck.gl so that an upgrade
 * that changes them fails here (drawing itself is checked in the browser tests and by eye).
 */
import { describe, expect, it } from 'vitest';
import { AttributeManager, Layer } from '@deck.gl/core';
import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import { DOT_VERTICES, dotCorners, dotStarts, FlatIconLayer, FlatScatterplotLayer } from '../../src/map/flatLayers';

/** Enough of a luma.gl device for attribute buffers (nothing is drawn). */
function stubDevice(): unknown {
  const buffer = (props: { byteLength?: number; data?: ArrayBufferView }) => ({
    byteLength: props.byteLength ?? props.data?.byteLength ?? 0,
    write() {},
    destroy() {},
    delete() {},
  });
  return { type: 'webgl', createBuffer: buffer, limits: {}, features: new Set(), info: {} };
}

describe('flat layers: six vertices a dot', () => {
  it('corners: two triangles over [-1, 1]², in x, y (icons) or x, y, 0 (dots), repeated per dot', () => {
    expect(DOT_VERTICES).toBe(6);
    expect(Array.from(dotCorners(1, 2))).toEqual([-1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1, 1]);
    expect(Array.from(dotCorners(1, 3))).toEqual([-1, -1, 0, 1, -1, 0, -1, 1, 0, -1, 1, 0, 1, -1, 0, 1, 1, 0]);
    const two = dotCorners(2, 2);
    expect(two.length).toBe(24);
    expect(Array.from(two.subarray(12))).toEqual(Array.from(two.subarray(0, 12)));
    expect(dotCorners(2, 2)).toBe(two); // one array per size and count
  });

  it('each dot starts six vertices after the previous one', () => {
    expect(Array.from(dotStarts(3))).toEqual([0, 6, 12]);
    expect(dotStarts(0).length).toBe(0);
  });

  it('are the originals to CPU picking and the tests: subclasses with names of their own', () => {
    expect(new FlatScatterplotLayer({ id: 'a', data: [] })).toBeInstanceOf(ScatterplotLayer);
    expect(new FlatIconLayer({ id: 'b', data: [] })).toBeInstanceOf(IconLayer);
    expect(FlatScatterplotLayer.layerName).toBe('FlatScatterplotLayer');
    expect(FlatIconLayer.layerName).toBe('FlatIconLayer');
  });
});

describe('the deck.gl internals they rely on', () => {
  it('the overridden methods exist on the originals', () => {
    for (const m of ['initializeState', 'updateState', 'draw', '_getModel']) expect(typeof (ScatterplotLayer.prototype as never)[m]).toBe('function');
    for (const m of ['initializeState', 'updateState', '_drawModel', '_getModel']) expect(typeof (IconLayer.prototype as never)[m]).toBe('function');
  });

  it('a layer reads its vertex count and layout from its state (numInstances, startIndices)', () => {
    const fake = { props: { data: [1, 2] }, state: { numInstances: 12, startIndices: new Uint32Array([0, 6]) } };
    expect(Layer.prototype.getNumInstances.call(fake as never)).toBe(12);
    expect(Array.from(Layer.prototype.getStartIndices.call(fake as never) as Uint32Array)).toEqual([0, 6]);
  });

  it('instanced attributes step per instance; set to `vertex` their buffer layout steps per vertex', () => {
    const am = new AttributeManager(stubDevice() as never, { id: 't' });
    am.addInstanced({ instanceRadius: { size: 1, accessor: 'getRadius' } });
    const a = am.getAttributes().instanceRadius as unknown as { settings: { stepMode?: string } };
    expect(a.settings.stepMode).toBe('instance');
    expect(am.getBufferLayouts()[0].stepMode).toBe('instance');
    a.settings.stepMode = 'vertex';
    expect(am.getBufferLayouts()[0].stepMode).toBe('vertex');
  });

  it('with startIndices, an object accessor fills each of its vertices (six a dot)', () => {
    const am = new AttributeManager(stubDevice() as never, { id: 't' });
    am.add({ instanceRadius: { size: 1, accessor: 'getRadius' } });
    const data = [{ r: 2 }, { r: 5 }];
    am.update({ data, numInstances: 12, startIndices: dotStarts(2), props: { getRadius: (d: { r: number }) => d.r } } as never);
    const value = (am.getAttributes().instanceRadius as unknown as { value: Float32Array }).value;
    expect(Array.from(value.subarray(0, 12))).toEqual([2, 2, 2, 2, 2, 2, 5, 5, 5, 5, 5, 5]);
  });
});

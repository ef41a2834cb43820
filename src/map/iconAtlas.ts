import type { Texture } from '@luma.gl/core';
import { ICON_MASK } from './colors';
import { SHAPES, type ShapeName } from './symbols';

const CELL = 48; // px per icon in the atlas (drawn at 2× for sharp edges)

/** A deck.gl icon atlas: the image (its canvas) and where each named icon sits in it. */
export interface IconAtlas<K extends string = ShapeName> {
  /**
   * The atlas's canvas. Given as `iconAtlas`, deck makes the texture at once (its `createTexture`
   * takes a browser image object); a URL is loaded asynchronously, and the layer's first frame
   * is drawn without icons and a second frame follows the load.
   */
  image: HTMLCanvasElement;
  mapping: Record<K, { x: number; y: number; width: number; height: number; mask: boolean; anchorY: number }>;
}

const cache = new WeakMap<object, IconAtlas<string>>();

/**
 * A mask atlas of SVG path shapes (24 × 24 box), drawn once per shape set on a canvas: white
 * shapes whose body takes the layer's colour (mask icons), so one atlas serves every colour.
 * `fillRule` 'evenodd' cuts holes (rings).
 */
export function buildIconAtlas<K extends string>(shapes: Readonly<Record<K, string>>, fillRule: CanvasFillRule = 'nonzero'): IconAtlas<K> {
  const hit = cache.get(shapes);
  if (hit) return hit as IconAtlas<K>;
  const names = Object.keys(shapes) as K[];
  const canvas = document.createElement('canvas');
  canvas.width = CELL * names.length;
  canvas.height = CELL;
  const ctx = canvas.getContext('2d')!;
  const mapping = {} as IconAtlas<K>['mapping'];
  names.forEach((name, i) => {
    ctx.save();
    ctx.translate(i * CELL, 0);
    ctx.scale(CELL / 24, CELL / 24);
    ctx.fillStyle = ICON_MASK;
    ctx.fill(new Path2D(shapes[name]), fillRule);
    ctx.restore();
    mapping[name] = { x: i * CELL, y: 0, width: CELL, height: CELL, mask: true, anchorY: CELL / 2 };
  });
  const atlas: IconAtlas<K> = { image: canvas, mapping };
  cache.set(shapes, atlas);
  return atlas;
}

/**
 * `iconAtlas` for a deck IconLayer: the atlas's canvas, so the texture exists in the layer's first
 * frame. deck types the prop as a URL or a Texture; its image prop (`createTexture`) takes browser
 * image objects too.
 */
export function atlasImage(a: IconAtlas<string>): Texture {
  return a.image as unknown as Texture;
}

/** The atlas of the facility and candidate markers ({@link SHAPES}). */
export function iconAtlas(): IconAtlas {
  return buildIconAtlas(SHAPES);
}

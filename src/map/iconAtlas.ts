import { SHAPES, type ShapeName } from './symbols';

const CELL = 48; // px per icon in the atlas (drawn at 2× for sharp edges)

export interface IconAtlas {
  url: string;
  mapping: Record<ShapeName, { x: number; y: number; width: number; height: number; mask: boolean; anchorY: number }>;
}

let cached: IconAtlas | null = null;

/**
 * A mask atlas of the marker shapes, drawn once on a canvas: a white-haloed shape whose body
 * takes the layer's colour (mask icons), so one atlas serves every service and source colour.
 */
export function iconAtlas(): IconAtlas {
  if (cached) return cached;
  const names = Object.keys(SHAPES) as ShapeName[];
  const canvas = document.createElement('canvas');
  canvas.width = CELL * names.length;
  canvas.height = CELL;
  const ctx = canvas.getContext('2d')!;
  const mapping = {} as IconAtlas['mapping'];
  names.forEach((name, i) => {
    ctx.save();
    ctx.translate(i * CELL, 0);
    ctx.scale(CELL / 24, CELL / 24);
    const p = new Path2D(SHAPES[name]);
    ctx.fillStyle = '#fff';
    ctx.fill(p);
    ctx.restore();
    mapping[name] = { x: i * CELL, y: 0, width: CELL, height: CELL, mask: true, anchorY: CELL / 2 };
  });
  cached = { url: canvas.toDataURL('image/png'), mapping };
  return cached;
}

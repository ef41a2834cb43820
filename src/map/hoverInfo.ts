/** What the pointer is over: a deck layer id, the picked index/object and the screen position. */
export interface HoverInfo {
  layer: string;
  index: number;
  object: unknown;
  x: number;
  y: number;
}

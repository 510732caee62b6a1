// Where the quick-prompt window goes: centred on the display under the mouse pointer. Pure math on
// Electron's screen values (device-independent pixels), so it is tested without a screen.

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point {
  width: number;
  height: number;
}

export interface DisplayLike {
  /** The whole display, in DIPs; displays left of or above the primary one have negative x or y. */
  bounds: Rect;
  /** The part not covered by taskbars, docks and panels. */
  workArea: Rect;
}

export interface Size {
  width: number;
  height: number;
}

/** Space kept free around the window when the work area is smaller than the window. */
export const EDGE_MARGIN = 16;

function contains(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x < rect.x + rect.width && point.y >= rect.y && point.y < rect.y + rect.height;
}

function distanceSquared(rect: Rect, point: Point): number {
  const dx = Math.max(rect.x - point.x, 0, point.x - (rect.x + rect.width - 1));
  const dy = Math.max(rect.y - point.y, 0, point.y - (rect.y + rect.height - 1));
  return dx * dx + dy * dy;
}

/** The display containing the point, else the nearest one (the pointer can sit in a gap between
 *  displays of different scale); undefined only when there are no displays at all. */
export function displayUnder<D extends DisplayLike>(point: Point, displays: readonly D[]): D | undefined {
  const hit = displays.find((d) => contains(d.bounds, point));
  if (hit) return hit;
  let best: D | undefined;
  let bestDistance = Infinity;
  for (const display of displays) {
    const distance = distanceSquared(display.bounds, point);
    if (distance < bestDistance) {
      best = display;
      bestDistance = distance;
    }
  }
  return best;
}

/** The window's bounds centred in the work area, shrunk to fit it. Always whole DIPs: setBounds
 *  refuses fractions, and a scaled display (1.25×, 1.5×) easily produces them. */
export function centreIn(workArea: Rect, size: Size): Rect {
  const w = Math.max(1, Math.floor(Math.min(size.width, workArea.width - 2 * EDGE_MARGIN)));
  const h = Math.max(1, Math.floor(Math.min(size.height, workArea.height - 2 * EDGE_MARGIN)));
  return {
    x: Math.round(workArea.x + (workArea.width - w) / 2),
    y: Math.round(workArea.y + (workArea.height - h) / 2),
    width: w,
    height: h,
  };
}

/** Centred on the display under the pointer; falls back to the given display (the primary one). */
export function placeQuickPrompt(pointer: Point, displays: readonly DisplayLike[], fallback: DisplayLike, size: Size): Rect {
  const display = displayUnder(pointer, displays) ?? fallback;
  return centreIn(display.workArea, size);
}

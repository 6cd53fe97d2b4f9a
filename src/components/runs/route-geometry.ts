// The route as a flat line for an SVG, without map tiles (they need the internet): an
// equirectangular projection, east scaled by cos(latitude) so a kilometre east is as long as
// a kilometre north at the run's latitude, fitted into the box with its shape kept.

export type RouteDrawing = {
  /** "x,y x,y …" for a <polyline>. */
  points: string;
  start: { x: number; y: number };
  finish: { x: number; y: number };
  width: number;
  height: number;
  /** North–south and east–west extent in metres, for the drawing's description. */
  spanNorthM: number;
  spanEastM: number;
};

const METRES_PER_DEGREE = 111_320;

/** The route ([lat, lon] degrees) fitted into a `width` × `height` box with `padding` around it; null with fewer than 2 points. */
export function drawRoute(route: [number, number][] | null, box: { width: number; height: number; padding?: number }): RouteDrawing | null {
  if (!route || route.length < 2) return null;
  const padding = box.padding ?? 12;
  const meanLat = route.reduce((sum, [lat]) => sum + lat, 0) / route.length;
  const cosLat = Math.cos((meanLat * Math.PI) / 180);
  // Metres east and north of the first point.
  const [lat0, lon0] = route[0]!;
  const flat = route.map(([lat, lon]) => ({ east: (lon - lon0) * cosLat * METRES_PER_DEGREE, north: (lat - lat0) * METRES_PER_DEGREE }));
  const east = flat.map((p) => p.east);
  const north = flat.map((p) => p.north);
  const [minE, maxE, minN, maxN] = [Math.min(...east), Math.max(...east), Math.min(...north), Math.max(...north)];
  const spanE = maxE - minE;
  const spanN = maxN - minN;
  const innerW = box.width - 2 * padding;
  const innerH = box.height - 2 * padding;
  // One scale for both axes keeps the shape; a route that is a point (a treadmill's GPS drift) stays in the middle.
  const scale = Math.min(spanE > 0 ? innerW / spanE : Infinity, spanN > 0 ? innerH / spanN : Infinity);
  const k = Number.isFinite(scale) ? scale : 0;
  const offsetX = padding + (innerW - spanE * k) / 2;
  const offsetY = padding + (innerH - spanN * k) / 2;
  const xy = flat.map((p) => ({ x: round(offsetX + (p.east - minE) * k), y: round(offsetY + (maxN - p.north) * k) }));
  return {
    points: xy.map((p) => `${p.x},${p.y}`).join(" "),
    start: xy[0]!,
    finish: xy[xy.length - 1]!,
    width: box.width,
    height: box.height,
    spanNorthM: Math.round(spanN),
    spanEastM: Math.round(spanE),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

import { formatDistance, type DistanceUnit } from "@/lib/distance-units";
import { drawRoute } from "./route-geometry";

const WIDTH = 640;
const HEIGHT = 400;

/** The route as a line on a plain background, north up, the start and the finish marked; no map tiles. */
export function RouteDrawing({ route, unit }: { route: [number, number][]; unit: DistanceUnit }) {
  const drawing = drawRoute(route, { width: WIDTH, height: HEIGHT, padding: 16 });
  if (!drawing) return null;
  const label = `The route drawn from the watch's positions, north up: it spans ${formatDistance(drawing.spanNorthM, unit)} north to south and ${formatDistance(drawing.spanEastM, unit)} east to west. A green circle marks the start and a dark square the finish.`;
  const { start, finish } = drawing;
  return (
    <div className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="mx-auto h-auto w-full max-w-xl rounded-lg bg-stone-50">
        <polyline points={drawing.points} fill="none" stroke="#0f5e3f" strokeWidth="3" strokeLinejoin="round" strokeLinecap="round" />
        <circle cx={start.x} cy={start.y} r="9" fill="#16a34a" stroke="#fff" strokeWidth="2" />
        <rect x={finish.x - 5} y={finish.y - 5} width="10" height="10" fill="#1c1917" stroke="#fff" strokeWidth="1.5" />
      </svg>
      <ul className="flex flex-wrap gap-x-4 text-xs text-stone-800" aria-hidden="true">
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded-full bg-green-600" /> Start
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-2.5 bg-stone-900" /> Finish
        </li>
        <li>North is up</li>
      </ul>
    </div>
  );
}

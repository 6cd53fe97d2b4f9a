import { describe, expect, it } from "vitest";
import { drawRoute } from "./route-geometry";

describe("drawRoute", () => {
  it("draws a square of streets at 60° north twice as wide in degrees of longitude as of latitude, as a square", () => {
    // At 60° north a degree of longitude is half a degree of latitude's length.
    const d = 0.01;
    const square: [number, number][] = [
      [60, 10],
      [60 + d, 10],
      [60 + d, 10 + 2 * d],
      [60, 10 + 2 * d],
      [60, 10],
    ];
    const drawing = drawRoute(square, { width: 200, height: 200, padding: 0 })!;
    const xs = drawing.points.split(" ").map((p) => Number(p.split(",")[0]));
    const ys = drawing.points.split(" ").map((p) => Number(p.split(",")[1]));
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(Math.max(...ys) - Math.min(...ys), 0);
    expect(drawing.spanEastM).toBeGreaterThan(1100);
    expect(drawing.spanEastM).toBeLessThan(1125);
  });

  it("puts north at the top and the start and finish where the run began and ended", () => {
    const drawing = drawRoute(
      [
        [51.5, -0.1],
        [51.51, -0.1],
      ],
      { width: 100, height: 100, padding: 10 },
    )!;
    expect(drawing.start.y).toBeGreaterThan(drawing.finish.y);
    expect(drawing.start).toEqual({ x: 50, y: 90 });
    expect(drawing.finish).toEqual({ x: 50, y: 10 });
  });

  it("keeps a route that never moved in the middle, and draws nothing from one point or none", () => {
    const still = drawRoute(
      [
        [40, 3],
        [40, 3],
      ],
      { width: 100, height: 60 },
    )!;
    expect(still.start).toEqual({ x: 50, y: 30 });
    expect(drawRoute([[40, 3]], { width: 100, height: 60 })).toBeNull();
    expect(drawRoute(null, { width: 100, height: 60 })).toBeNull();
  });

  it("crosses the line where the coordinates are all finite", () => {
    const drawing = drawRoute(
      [
        [-33.9, 151.2],
        [-33.91, 151.21],
        [-33.92, 151.2],
      ],
      { width: 300, height: 200 },
    )!;
    expect(drawing.points).not.toMatch(/NaN|Infinity/);
  });
});

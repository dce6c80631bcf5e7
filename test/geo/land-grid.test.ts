import type { Polygon } from 'geojson';
import { BLOCKED, LAND, SEA, buildLandGrid, cellAt, landComponents, snapToLand } from '../../src/geo/land-grid';
import { projectKm, unprojectKm } from '../../src/geo/projection';

/** A square of `sideKm` centred at (x, y) km in the projection, as a lon/lat polygon (optionally with a square hole). */
function square(x: number, y: number, sideKm: number, holeKm = 0): Polygon {
  const ring = (h: number, clockwise = false) => {
    const pts = [[x - h, y - h], [x + h, y - h], [x + h, y + h], [x - h, y + h], [x - h, y - h]];
    return (clockwise ? pts.reverse() : pts).map(([px, py]) => unprojectKm({ x: px, y: py }));
  };
  return { type: 'Polygon', coordinates: holeKm > 0 ? [ring(sideKm / 2), ring(holeKm / 2, true)] : [ring(sideKm / 2)] };
}

const origin = projectKm([10, 60]);

describe('buildLandGrid', () => {
  it('When a 20 km square island is rasterised at 1 km, then about 400 cells are land and the open water around it is sea', () => {
    const grid = buildLandGrid([square(origin.x, origin.y, 20)], { marginKm: 10 });
    const land = grid.kind.reduce((n, k) => n + (k === LAND ? 1 : 0), 0);
    expect(land).toBeGreaterThanOrEqual(380);
    expect(land).toBeLessThanOrEqual(420);
    expect(grid.kind[cellAt(grid, { x: origin.x + 15, y: origin.y })]).toBe(SEA);
    expect(grid.owner[cellAt(grid, origin)]).toBe(0);
  });

  it('When a polygon has a hole, then the hole is not land and, cut off from the sea, is blocked', () => {
    const grid = buildLandGrid([square(origin.x, origin.y, 30, 10)], { marginKm: 10 });
    expect(grid.kind[cellAt(grid, origin)]).toBe(BLOCKED);
    expect(grid.kind[cellAt(grid, { x: origin.x + 10, y: origin.y })]).toBe(LAND);
  });

  it('When an island is too small to hold a cell centre, then it still keeps one land cell', () => {
    const grid = buildLandGrid([square(origin.x, origin.y, 20), square(origin.x + 30.3, origin.y + 0.3, 0.3)], { marginKm: 10 });
    expect(grid.owner.some((o) => o === 1)).toBe(true);
  });

  it('When a barrier closes a bay, then the water behind it is blocked, not sea', () => {
    // A U-shaped coast: two arms and a base; the bay between the arms opens to the north.
    const wide: Polygon = { type: 'Polygon', coordinates: [[[-12, -12], [12, -12], [12, 12], [8, 12], [8, -8], [-8, -8], [-8, 12], [-12, 12], [-12, -12]].map(([dx, dy]) => unprojectKm({ x: origin.x + dx, y: origin.y + dy }))] };
    const barrier = [unprojectKm({ x: origin.x - 9, y: origin.y + 11 }), unprojectKm({ x: origin.x + 9, y: origin.y + 11 })];
    const open = buildLandGrid([wide], { marginKm: 10 });
    const closed = buildLandGrid([wide], { marginKm: 10, barriers: [barrier] });
    expect(open.kind[cellAt(open, origin)]).toBe(SEA);
    expect(closed.kind[cellAt(closed, origin)]).toBe(BLOCKED);
  });

  it('When a link is drawn across a strait, then its cells are land and the two islands form one land component', () => {
    const a = square(origin.x - 8, origin.y, 10);
    const b = square(origin.x + 8, origin.y, 10);
    const apart = buildLandGrid([a, b], { marginKm: 10 });
    const comp = landComponents(apart);
    expect(comp[cellAt(apart, { x: origin.x - 8, y: origin.y })]).not.toBe(comp[cellAt(apart, { x: origin.x + 8, y: origin.y })]);
    const from = unprojectKm({ x: origin.x - 3.2, y: origin.y });
    const to = unprojectKm({ x: origin.x + 3.2, y: origin.y });
    const linked = buildLandGrid([a, b], { marginKm: 10, links: [{ from, to }] });
    const comp2 = landComponents(linked);
    expect(comp2[cellAt(linked, { x: origin.x - 8, y: origin.y })]).toBe(comp2[cellAt(linked, { x: origin.x + 8, y: origin.y })]);
    expect(linked.link[cellAt(linked, origin)]).toBe(1);
  });
});

describe('snapToLand', () => {
  it('When a point lies at sea, then it joins the nearest land cell, of its own area when one is named', () => {
    const grid = buildLandGrid([square(origin.x - 8, origin.y, 10), square(origin.x + 8, origin.y, 10)], { marginKm: 10 });
    const sea = unprojectKm({ x: origin.x - 2, y: origin.y });
    const any = snapToLand(grid, sea)!;
    expect(grid.owner[any.cell]).toBe(0);
    expect(any.offsetKm).toBeLessThan(2.2);
    const own = snapToLand(grid, sea, 1)!;
    expect(grid.owner[own.cell]).toBe(1);
    expect(own.offsetKm).toBeGreaterThan(any.offsetKm);
    expect(snapToLand(grid, unprojectKm({ x: origin.x, y: origin.y + 40 }), -1, 5)).toBeNull();
  });
});

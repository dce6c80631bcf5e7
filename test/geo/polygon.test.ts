import type { Feature, Polygon } from 'geojson';
import { distanceToAreaKm, isPointInArea, locatePoint } from '../../src/geo';

const square = (id: string, x0: number): Feature<Polygon, { id: string }> => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Polygon', coordinates: [[[x0, 60], [x0 + 1, 60], [x0 + 1, 61], [x0, 61], [x0, 60]]] },
});

describe('point-in-polygon helpers', () => {
  const a = square('a', 10);
  const b = square('b', 12);

  it('When a point is inside a polygon, then it is found there with distance 0', () => {
    expect(isPointInArea([10.5, 60.5], a)).toBe(true);
    expect(isPointInArea([10.5, 60.5], b)).toBe(false);
    expect(locatePoint([12.5, 60.5], [a, b])).toMatchObject({ inside: true, distanceKm: 0, feature: b });
  });

  it('When a point is in the sea between polygons, then the nearest polygon is returned with its distance', () => {
    const loc = locatePoint([11.1, 60.5], [a, b]);
    expect(loc.inside).toBe(false);
    expect(loc.feature?.properties.id).toBe('a');
    // 0.1° of longitude at 60.5°N ≈ 111.195 × cos 60.5° × 0.1 ≈ 5.47 km.
    expect(loc.distanceKm).toBeCloseTo(5.47, 1);
    expect(distanceToAreaKm([11.1, 60.5], a)).toBeCloseTo(loc.distanceKm, 6);
  });
});

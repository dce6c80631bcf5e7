import { booleanPointInPolygon, point } from '@turf/turf';
import type { Polygon } from 'geojson';
import { snapIntoArea } from '../../src/geo/snap';

const island: Polygon = { type: 'Polygon', coordinates: [[[5, 60], [5.1, 60], [5.1, 60.05], [5, 60.05], [5, 60]]] };

describe('snapIntoArea', () => {
  it('When the point is on land, then it stays (rounded to 5 decimals) and moves 0 km', () => {
    const r = snapIntoArea([5.0512345, 60.0212345], island);
    expect(r.lonLat).toEqual([5.05123, 60.02123]);
    expect(r.movedKm).toBe(0);
  });

  it('When the point is at sea, then it moves just inside the nearest shore', () => {
    const r = snapIntoArea([5.05, 60.06], island);
    expect(booleanPointInPolygon(point(r.lonLat), island)).toBe(true);
    expect(r.lonLat[1]).toBeLessThan(60.05);
    expect(r.movedKm).toBeGreaterThan(1.1);
    expect(r.movedKm).toBeLessThan(1.3);
  });
});

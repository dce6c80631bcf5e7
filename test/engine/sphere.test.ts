import { EARTH_RADIUS_KM, haversineKm } from '../../src/engine';
import { EARTH_RADIUS_KM as GEO_EARTH_RADIUS_KM } from '../../src/geo';

describe('haversineKm', () => {
  it('When two points are one degree apart on a meridian, then the distance is R·π/180 (111.195 km)', () => {
    // Hand computation: 6371.0088 km × π / 180 = 111.19508 km.
    expect(haversineKm([10, 60], [10, 61])).toBeCloseTo(111.19508, 4);
    expect((EARTH_RADIUS_KM * Math.PI) / 180).toBeCloseTo(111.19508, 4);
  });

  it('When two points are one degree of longitude apart at 60°N, then the distance is 2R·asin(cos 60°·sin 0.5°) (55.596 km)', () => {
    // Hand computation: sin 0.5° = 0.0087265; × cos 60° = 0.0043633; asin ≈ 0.0043633; × 2 × 6371.0088 = 55.597 km.
    expect(haversineKm([10, 60], [11, 60])).toBeCloseTo(55.597, 2);
  });

  it('When the points are swapped or equal, then the distance is symmetric and zero for equal points', () => {
    const oslo = [10.7522, 59.9139] as const;
    const bergen = [5.3221, 60.3913] as const;
    expect(haversineKm(oslo, bergen)).toBeCloseTo(haversineKm(bergen, oslo), 10);
    expect(haversineKm(oslo, oslo)).toBe(0);
    expect(haversineKm(oslo, bergen)).toBeGreaterThan(300);
    expect(haversineKm(oslo, bergen)).toBeLessThan(310);
  });

  it('When a coordinate is not finite, then it throws', () => {
    expect(() => haversineKm([Number.NaN, 60], [10, 60])).toThrow('finite');
  });
});

describe('one Earth radius', () => {
  it('When the engine and geo each name the mean Earth radius, then they name the same number (neither may import the other)', () => {
    expect(GEO_EARTH_RADIUS_KM).toBe(EARTH_RADIUS_KM);
  });
});

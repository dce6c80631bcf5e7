import { placeMarkers } from '../../src/export/pdf-markers';

describe('map markers', () => {
  it('When markers crowd one spot, then each is moved clear of the others and keeps its true point', () => {
    const points = Array.from({ length: 8 }, (_, i) => ({ x: 100 + (i % 3), y: 100 + (i % 2) }));
    const placed = placeMarkers(points, { radius: 5.5, gap: 1 });
    expect(placed[0].moved).toBe(false);
    for (let i = 0; i < placed.length; i++) {
      expect([placed[i].x, placed[i].y]).toEqual([points[i].x, points[i].y]);
      for (let j = i + 1; j < placed.length; j++) {
        expect(Math.hypot(placed[i].drawX - placed[j].drawX, placed[i].drawY - placed[j].drawY)).toBeGreaterThanOrEqual(12);
      }
    }
  });

  it('When markers are apart, then none is moved', () => {
    const placed = placeMarkers([{ x: 0, y: 0 }, { x: 50, y: 0 }], { radius: 5 });
    expect(placed.map((p) => p.moved)).toEqual([false, false]);
  });
});

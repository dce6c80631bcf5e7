import * as fs from 'fs';
import * as path from 'path';
import { estimateDriveMin } from '../../src/geo';
import type { TravelModel } from '../../src/geo';

const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/travel-model.json'), 'utf8')) as TravelModel;

describe('estimateDriveMin', () => {
  it('When given params a and b, then minutes are a + b·km', () => {
    const model: TravelModel = { params: { interceptMin: 5, minPerKm: 0.8 } };
    expect(estimateDriveMin(0, model)).toBe(5);
    expect(estimateDriveMin(50, model)).toBeCloseTo(45, 10);
  });

  it('When the committed model is used, then it matches its own params and increases with distance', () => {
    const { interceptMin, minPerKm } = committed.params;
    expect(estimateDriveMin(30, committed)).toBeCloseTo(interceptMin + 30 * minPerKm, 10);
    expect(estimateDriveMin(31, committed)).toBeGreaterThan(estimateDriveMin(30, committed));
  });

  it('When the distance is negative or not finite, or params are missing, then it throws naming the parameter', () => {
    expect(() => estimateDriveMin(-1, committed)).toThrow('distanceKm');
    expect(() => estimateDriveMin(Number.POSITIVE_INFINITY, committed)).toThrow('distanceKm');
    expect(() => estimateDriveMin(1, { params: { interceptMin: Number.NaN, minPerKm: 1 } })).toThrow('interceptMin');
  });
});

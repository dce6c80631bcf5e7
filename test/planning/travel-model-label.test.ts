import { travelModelLabel } from '../../src/planning/travel-models';
import type { TravelMatrixInfo } from '../../src/db/travel-matrices-repo';

describe('travel model labels from the catalogue', () => {
  it('When a model is labelled, then the built-in and an imported matrix read in bokmål by default and in English when asked', () => {
    expect(travelModelLabel({ kind: 'builtin', version: 2 })).toBe('Innebygd land/sjø-modell v2 (TØI-kalibrert)');
    expect(travelModelLabel({ kind: 'builtin', version: 2 }, 'en')).toBe('Built-in land/sea model v2 (calibrated on TØI)');
    const imported = { id: 3, name: 'OSRM 2024' } as TravelMatrixInfo;
    expect(travelModelLabel({ kind: 'imported', imported })).toBe('Importert matrise «OSRM 2024» (nr. 3)');
    expect(travelModelLabel({ kind: 'imported', imported }, 'en')).toBe('Imported matrix “OSRM 2024” (no. 3)');
  });
});

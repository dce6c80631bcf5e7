/** Test fixtures for shortlists and exports: deterministic answers written through the answers repository. */
import type { Db } from '../../src/db/connection';
import { listMunicipalities } from '../../src/db/municipalities-repo';
import { saveResponse } from '../../src/db/responses-repo';
import type { ResponseContent } from '../../src/model/answers';

/**
 * Writes an answer for every municipality: two in three want a station, every fifth of those offers
 * premises 1 km north-east of its centre (co-located with the town hall), texts with æøå.
 * @param variant changes the answers (to simulate loading different answers)
 */
export function loadTestAnswers(db: Db, options: { sample: boolean; variant?: number; now?: string } = { sample: true }): void {
  const variant = options.variant ?? 0;
  const now = options.now ?? '2024-05-01T10:00:00Z';
  db.transaction(() => {
    listMunicipalities(db).forEach((m, i) => {
      const wants = (i + variant) % 3 !== 2;
      const premises = wants && (i + variant) % 5 === 0;
      const content: ResponseContent = {
        kommunenummer: m.kommunenummer,
        receivedDate: '2022-05-30',
        q1: { challenges: `Lange avstander og få patruljer i ${m.name}; økt vold i helgene.`, areas: ['prevention', 'preparedness'] },
        q2: { satisfied: (['yes', 'no', 'partly'] as const)[(i + variant) % 3], reasons: 'Lang responstid på kveldstid.' },
        q3: { cooperation: 'Politiråd med nabokommunene og fylket.', resources: 'Kontorplass på rådhuset.' },
        q4: { station: 'more', presence: 'more', attendance: 'same', telephone: 'same', internet: 'less', comment: '' },
        q5: {
          wantsStation: wants ? 'yes' : 'no',
          premises: premises
            ? [{
                address: `Rådhusgata 1, ${m.name}`, lon: Math.round((m.centre.lon + 0.01) * 1e6) / 1e6, lat: Math.round((m.centre.lat + 0.005) * 1e6) / 1e6,
                coLocatedWith: 'rådhuset', floorAreaM2: 120, availableFrom: '2023-01-01', yearlyCostNok: 250000, notes: 'Egen inngang',
              }]
            : [],
        },
      };
      saveResponse(db, content, { source: options.sample ? 'sample' : 'svar.csv', isSample: options.sample, importId: null, changedBy: 'test', changedAt: now }, 'import');
    });
  })();
}

import fs from 'node:fs';
import crypto from 'node:crypto';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { answersToCsv } from '../../src/import/responses-write';
import { defaultSampleFile, defaultSampleOptions, generateSampleAnswers, sampleMark, type SampleMunicipality } from '../../src/samples';
import { dataset } from '../helpers/app';

function inputs(): { municipalities: SampleMunicipality[]; boundaries: Map<string, Polygon | MultiPolygon> } {
  const data = dataset();
  const share = new Map(data.indicators.map((r) => [r.kommunenummer, r.share_beyond_45]));
  return {
    municipalities: data.municipalities.map((m) => ({
      kommunenummer: m.kommunenummer,
      name: m.name,
      adminCentre: m.admin_centre,
      population: m.population,
      centre: { lon: m.centre_lon, lat: m.centre_lat },
      shareBeyond45: share.get(m.kommunenummer) ?? null,
    })),
    boundaries: new Map([...data.boundaries].map(([k, v]) => [k, JSON.parse(v) as Polygon | MultiPolygon])),
  };
}

describe('sample answers generator', () => {
  const { municipalities, boundaries } = inputs();
  const answers = generateSampleAnswers(municipalities, boundaries);

  it('When samples are generated, then every one of the 357 municipalities gets a plausible, clearly marked answer', () => {
    expect(answers).toHaveLength(357);
    const wants = answers.filter((a) => a.q5.wantsStation === 'yes').length;
    expect(wants).toBeGreaterThan(50);
    expect(wants).toBeLessThan(300);
    for (const a of answers) {
      expect(a.q1.challenges.startsWith(sampleMark)).toBe(true);
      expect(a.receivedDate! <= '2022-06-03').toBe(true);
      if (a.q5.wantsStation !== 'yes') expect(a.q5.premises).toEqual([]);
    }
  });

  it('When premises have coordinates, then every point lies inside its own municipality polygon', () => {
    const points = answers.flatMap((a) => a.q5.premises.filter((p) => p.lon !== null).map((p) => ({ knr: a.kommunenummer, lon: p.lon!, lat: p.lat! })));
    expect(points.length).toBeGreaterThan(50);
    for (const p of points) expect([p.knr, booleanPointInPolygon(point([p.lon, p.lat]), boundaries.get(p.knr)!)]).toEqual([p.knr, true]);
  });

  it('When the generator runs twice with the same seed, then the output is identical; another seed gives other answers', () => {
    expect(generateSampleAnswers(municipalities, boundaries)).toEqual(answers);
    expect(generateSampleAnswers(municipalities, boundaries, { seed: 7 })).not.toEqual(answers);
  });

  it('When one municipality is left out, then the others get the same answers (one seeded stream per municipality)', () => {
    const without = generateSampleAnswers(municipalities.slice(1), boundaries);
    expect(without).toEqual(answers.slice(1));
  });

  it('When the shipped sample file is compared with a fresh generation, then they are byte-identical', () => {
    const names = new Map(municipalities.map((m) => [m.kommunenummer, m.name]));
    const fresh = answersToCsv(generateSampleAnswers(municipalities, boundaries, { seed: defaultSampleOptions.seed }), (k) => names.get(k) ?? '');
    const sha = (s: string | Buffer) => crypto.createHash('sha256').update(s).digest('hex');
    expect(sha(fs.readFileSync(defaultSampleFile))).toBe(sha(Buffer.from(fresh, 'utf8')));
  });
});

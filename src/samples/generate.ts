/**
 * Deterministic, seeded generator of ILLUSTRATIVE answers to the five questions for every
 * municipality. Not real answers: the real ones are not public. Each municipality gets its own
 * stream (seed mixed with its kommunenummer), so one municipality's answer does not depend on the
 * others. Smaller and more remote municipalities lean towards wanting a station and being less
 * satisfied; offered premises lie inside the municipality's own polygon, near its centre.
 */
import type { Kommunenummer } from '../common/kommunenummer';
import { booleanPointInPolygon, point, pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { createRng, type Rng } from '../engine/random';
import type { Area, Premises, ResponseContent, Satisfied, Trend, Wants } from '../model/answers';

/** What the generator needs to know about a municipality. */
export interface SampleMunicipality {
  kommunenummer: Kommunenummer;
  name: string;
  adminCentre: string;
  population: number;
  centre: { lon: number; lat: number };
  /** Share of residents beyond 45 min of a station (0..1), when known. */
  shareBeyond45: number | null;
}

export interface SampleOptions {
  /** Seed of the generator; the same seed gives the same answers. */
  seed: number;
  /** Date of the letter's deadline; received dates fall in the weeks before it (ISO). */
  deadline: string;
  /** Share of municipalities that answered at all. */
  answerRate: number;
}

export const defaultSampleOptions: SampleOptions = { seed: 20220223, deadline: '2022-06-01', answerRate: 1 };

/** Marks every free text so that a sample answer is never mistaken for a real one. */
export const sampleMark = '[Eksempel]';

const challenges = [
  'Økende rusproblematikk blant unge og behov for mer forebyggende arbeid i skolene.',
  'Lange avstander gir lang responstid ved alvorlige hendelser, særlig om natten.',
  'Flom, skred og ekstremvær krever bedre felles beredskapsplaner med politiet.',
  'Sesongturisme og store arrangementer gir topper i ordensoppdrag.',
  'Vold i nære relasjoner og behov for tettere oppfølging av familievoldskoordinator.',
  'Ventetid på pass og ID-kort og få tilbud om sivile tjenester lokalt.',
  'Digital kriminalitet og bedrageri mot eldre øker.',
  'Trafikksikkerhet på fylkesvegene og lite synlig trafikkontroll.',
  'Behov for politikontakt med tid til å delta i SLT-arbeidet.',
];
const reasons = [
  'Politiet oppleves som lite til stede i kommunen etter nærpolitireformen.',
  'Nærmeste tjenestested har korte åpningstider og ligger langt unna.',
  'Bemanningen i distriktet har ikke fulgt befolkningsutviklingen.',
  'Samarbeidet er godt, men responstiden er for lang.',
  'Innbyggerne må reise langt for pass og andre sivile tjenester.',
];
const cooperation = [
  'Faste møter i politirådet og felles handlingsplan for forebygging.',
  'Interkommunalt samarbeid med nabokommunene om en felles politikontakt.',
  'Felles øvelser med brannvesen, helse og frivillige om krisehåndtering.',
  'Tettere samarbeid gjennom SLT-modellen og ungdomskontakter.',
];
const resources = [
  'Kontorplass og møterom i rådhuset uten kostnad.',
  'SLT-koordinator i halv stilling.',
  'Kommunens beredskapskoordinator kan delta i felles planarbeid.',
  'Lokaler og drift av et felles servicekontor.',
  'Ingen faste midler, men kommunen stiller med personell til øvelser.',
];
const coLocation = ['rådhuset', 'brannstasjonen', 'NAV-kontoret', 'helsesenteret', 'kulturhuset', 'servicekontoret'];
const streets = ['Storgata', 'Rådhusvegen', 'Sentrumsvegen', 'Kirkegata', 'Torget', 'Fjordvegen', 'Stasjonsvegen'];

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng.next() * list.length)];
}

/** FNV-1a hash of the kommunenummer, mixed into the seed. */
function streamSeed(seed: number, kommunenummer: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of kommunenummer) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h >>> 0;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Probability in 0..1 that a municipality "needs" a station: small and remote → high. */
function needOf(m: SampleMunicipality): number {
  const small = 1 / (1 + m.population / 8000);
  const remote = m.shareBeyond45 ?? 0.3;
  return Math.min(0.95, 0.15 + 0.5 * small + 0.4 * remote);
}

/**
 * A point near the centre that lies inside the polygon: random offsets of up to ~1.5 km, shrinking,
 * then Turf's `pointOnFeature` as a last resort. Rounded to 5 decimals (about 1 m).
 */
export function sitePoint(rng: Rng, centre: { lon: number; lat: number }, boundary: Polygon | MultiPolygon): { lon: number; lat: number } {
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  for (let attempt = 0; attempt < 30; attempt++) {
    const radiusKm = 1.5 * (1 - attempt / 30);
    const dLat = ((rng.next() * 2 - 1) * radiusKm) / 111.32;
    const dLon = ((rng.next() * 2 - 1) * radiusKm) / (111.32 * Math.cos((centre.lat * Math.PI) / 180));
    const candidate = { lon: round(centre.lon + dLon), lat: round(centre.lat + dLat) };
    if (booleanPointInPolygon(point([candidate.lon, candidate.lat]), boundary)) return candidate;
  }
  const [lon, lat] = pointOnFeature(boundary).geometry.coordinates;
  return { lon: round(lon), lat: round(lat) };
}

function trend(rng: Rng, pMore: number, pLess = 0.05): Trend {
  const u = rng.next();
  if (u < 0.04) return 'not_answered';
  if (u < 0.04 + pMore) return 'more';
  if (u < 0.04 + pMore + pLess) return 'less';
  return 'same';
}

function premisesFor(rng: Rng, m: SampleMunicipality, boundary: Polygon | MultiPolygon | null, deadline: string): Premises[] {
  const count = rng.next() < 0.75 ? 1 : 2;
  return Array.from({ length: count }, (_, i) => {
    const coLocated = rng.next() < 0.6 ? pick(rng, coLocation) : '';
    const withSite = boundary !== null && rng.next() < 0.9;
    const site = withSite ? sitePoint(rng, m.centre, boundary as Polygon | MultiPolygon) : null;
    const place = m.adminCentre || m.name.split(' - ')[0];
    return {
      address: `${pick(rng, streets)} ${1 + Math.floor(rng.next() * 40)}, ${place}`,
      lon: site ? site.lon : null,
      lat: site ? site.lat : null,
      coLocatedWith: coLocated,
      floorAreaM2: 40 + 10 * Math.floor(rng.next() * 20),
      availableFrom: addDays(deadline, 30 * (3 + Math.floor(rng.next() * 18))),
      yearlyCostNok: rng.next() < 0.3 ? 0 : 1000 * (50 + Math.floor(rng.next() * 350)),
      notes: i === 0 ? `${sampleMark} Kan tilpasses politiets behov.` : `${sampleMark} Alternativ ved behov for større areal.`,
    };
  });
}

/** One municipality's sample answer. */
function sampleAnswer(m: SampleMunicipality, boundary: Polygon | MultiPolygon | null, opts: SampleOptions): ResponseContent {
  const rng = createRng(streamSeed(opts.seed, m.kommunenummer));
  const need = needOf(m);
  const wants: Wants = rng.next() < 0.03 ? 'not_answered' : rng.next() < need ? 'yes' : 'no';
  const u = rng.next();
  const satisfied: Satisfied = u < 0.03 ? 'not_answered' : u < 0.03 + need * 0.6 ? 'no' : u < 0.03 + need * 0.6 + 0.3 ? 'partly' : 'yes';
  const areas = (['prevention', 'preparedness', 'civil'] as Area[]).filter(() => rng.next() < 0.6);
  const received = addDays(opts.deadline, -Math.floor(Math.pow(rng.next(), 2) * 75) + 2);
  return {
    kommunenummer: m.kommunenummer,
    receivedDate: received,
    q1: { challenges: `${sampleMark} ${pick(rng, challenges)} ${pick(rng, challenges)}`, areas: areas.length ? areas : ['prevention'] },
    q2: { satisfied, reasons: satisfied === 'yes' ? '' : `${sampleMark} ${pick(rng, reasons)}` },
    q3: { cooperation: `${sampleMark} ${pick(rng, cooperation)}`, resources: `${sampleMark} ${pick(rng, resources)}` },
    q4: {
      station: wants === 'yes' ? 'more' : trend(rng, need * 0.5),
      presence: trend(rng, 0.3 + need * 0.4),
      attendance: trend(rng, need * 0.3),
      telephone: trend(rng, 0.15),
      internet: trend(rng, 0.35),
      comment: rng.next() < 0.3 ? `${sampleMark} Ønsker faste kontordager med politikontakten.` : '',
    },
    q5: { wantsStation: wants, premises: wants === 'yes' && rng.next() < 0.8 ? premisesFor(rng, m, boundary, opts.deadline) : [] },
  };
}

/**
 * Generates illustrative answers for the given municipalities (in their order).
 * @param boundaries kommunenummer → GeoJSON Polygon/MultiPolygon; premises without a boundary get no coordinates
 * @param options `defaultSampleOptions` merged with these
 */
export function generateSampleAnswers(
  municipalities: readonly SampleMunicipality[],
  boundaries: ReadonlyMap<string, Polygon | MultiPolygon>,
  options: Partial<SampleOptions> = {},
): ResponseContent[] {
  const opts = { ...defaultSampleOptions, ...options };
  if (!Number.isFinite(opts.seed)) throw new Error('options.seed must be a finite number');
  const out: ResponseContent[] = [];
  for (const m of municipalities) {
    const answered = createRng(streamSeed(opts.seed + 1, m.kommunenummer)).next() < opts.answerRate;
    if (answered) out.push(sampleAnswer(m, boundaries.get(m.kommunenummer) ?? null, opts));
  }
  return out;
}

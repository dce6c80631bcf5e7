/**
 * A municipality with its indicators, as the data access layer returns it and the API sends it
 * (`/api/municipalities`, the properties of `/api/municipalities.geojson`). Shared by the server and
 * the browser code, so it imports only the kommunenummer's type. Missing values are `null`.
 */
import type { Kommunenummer } from '../common/kommunenummer';

export interface Municipality {
  kommunenummer: Kommunenummer;
  name: string;
  county: string;
  countyNumber: string;
  policeDistrict: string;
  policeDistrictNumber: string;
  population: number;
  areaKm2: number;
  densityPerKm2: number;
  adminCentre: string;
  centre: { lon: number; lat: number };
  centreInsidePolygon: boolean;
  crimePer1000: number | null;
  violencePer1000: number | null;
  /** SSB suppressed the 2023-2024 violence count (0–4 offences); `violencePer1000` uses the midpoint, 2. */
  violenceSuppressed: boolean;
  crimeTrendPer1000: number | null;
  driveMinMean: number | null;
  residentsBeyond45: number | null;
  shareBeyond45: number | null;
  nearestStationId: string | null;
  nearestStationMin: number | null;
}

/**
 * The map's symbol layers, each behind a checkbox: existing stations, the proposed set (numbered
 * markers shaped by stability), coverage of demand points, offered premises, and police district
 * and county borders. Layers that need data load it the first time they are switched on.
 */
import { ANY_SITE_KIND_LABEL } from '../../model/labels';
import type { FeatureCollection } from 'geojson';
import { getJson } from '../core/api';
import { byId, h } from '../core/dom';
import type { NumberFormat } from '../core/format';
import type { Translate } from '../core/i18n';
import { leaflet, tooltipContent, type Leaflet } from '../core/leaflet';
import type { CoverageResponse, PremisesGeoJson, StationsGeoJson } from '../page-types';
import type { LegendSymbol } from './legend';
import { stabilityClass } from './ranking';
import type { WorkspaceState } from './state';

export type OverlayName = 'stations' | 'proposed' | 'coverage' | 'premises' | 'districts' | 'counties';

/** The checkbox of each layer. */
const CHECKBOX: Readonly<Record<OverlayName, string>> = {
  stations: 'show-stations', proposed: 'show-proposed', coverage: 'show-coverage',
  premises: 'show-premises', districts: 'show-districts', counties: 'show-counties',
};

const BORDERS = {
  districts: { url: '/api/layers/politidistrikter.geojson', style: { color: '#222', weight: 2.5, dashArray: '6 4', fill: false } },
  counties: { url: '/api/layers/fylker.geojson', style: { color: '#6a3d9a', weight: 1.5, fill: false } },
} as const;

/** Fill of a demand point by state: not covered, covered by an existing station, newly covered by the proposal. */
const COVERAGE_COLOURS = ['#ffffff', '#0072B2', '#E69F00'] as const;

export interface OverlayDeps {
  map: Leaflet.Map;
  state: WorkspaceState;
  t: Translate;
  fmt: NumberFormat;
  onSelect: (knr: string) => void;
  /** A layer was switched on or off, or redrawn (update the legend; restyle the municipalities for coverage). */
  onChange: (name: OverlayName) => void;
}

export class Overlays {
  private readonly layers = new Map<OverlayName, Leaflet.LayerGroup>();
  private readonly pointRenderer: Leaflet.Canvas;

  constructor(private readonly deps: OverlayDeps) {
    this.pointRenderer = leaflet().canvas({ padding: 0.2 });
    for (const name of Object.keys(CHECKBOX) as OverlayName[]) {
      byId(CHECKBOX[name], HTMLInputElement).addEventListener('change', (e) => void this.toggle(name, (e.target as HTMLInputElement).checked));
    }
  }

  private checked(name: OverlayName): boolean {
    return byId(CHECKBOX[name], HTMLInputElement).checked;
  }

  /** True when the layer is on the map. */
  isOn(name: OverlayName): boolean {
    const layer = this.layers.get(name);
    return !!layer && this.deps.map.hasLayer(layer);
  }

  private async toggle(name: OverlayName, on: boolean): Promise<void> {
    if (!this.layers.has(name)) await this.load(name);
    const layer = this.layers.get(name);
    if (!layer) return;
    if (on) layer.addTo(this.deps.map);
    else this.deps.map.removeLayer(layer);
    if (on && (name === 'districts' || name === 'counties')) (layer as Leaflet.GeoJSON).bringToFront();
    this.deps.onChange(name);
  }

  private async load(name: OverlayName): Promise<void> {
    const L = leaflet();
    if (name === 'proposed' || name === 'coverage') this.layers.set(name, L.layerGroup());
    if (name === 'coverage') await this.loadCoverage();
    if (name === 'premises') await this.loadPremises();
    if (name === 'districts' || name === 'counties') {
      const fc = await getJson<FeatureCollection>(BORDERS[name].url);
      this.layers.set(name, L.geoJSON(fc, { style: BORDERS[name].style, interactive: false }));
    }
  }

  /** Draws the existing stations (on when their checkbox is). */
  drawStations(fc: StationsGeoJson): void {
    const L = leaflet();
    const group = L.layerGroup();
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      L.circleMarker([lat, lon], { radius: 3.5, color: '#b30000', weight: 1.5, fillColor: '#fff', fillOpacity: 1, className: 'station-marker' })
        .bindTooltip(tooltipContent(`${f.properties.name} (${f.properties.type})`))
        .addTo(group);
    }
    this.layers.set('stations', group);
    if (this.checked('stations')) group.addTo(this.deps.map);
    byId('map', HTMLDivElement).dataset.stations = String(fc.features.length);
  }

  private nameOf(knr: string): string {
    return this.deps.state.municipalities.get(knr)?.name ?? knr;
  }

  /** Redraws the proposed set's markers at the chosen sites: the position in the set, shaped by stability. */
  renderProposed(): void {
    const { state, t, fmt } = this.deps;
    if (!state.selection) return;
    const L = leaflet();
    let group = this.layers.get('proposed');
    if (!group) this.layers.set('proposed', (group = L.layerGroup()));
    group.clearLayers();
    for (const site of state.selection.sites) {
      const knr = site.kommunenummer;
      const pInSet = state.robustness.get(knr)?.pInSet;
      const icon = L.divIcon({ className: 'proposed-icon', html: h('span', { className: `pm ${stabilityClass(pInSet)}` }, String(site.position)), iconSize: [22, 22], iconAnchor: [11, 11] });
      const tip = `${this.nameOf(knr)}: ${site.siteLabel} (${t(ANY_SITE_KIND_LABEL[site.siteKind])}) · ${t('ws.stability')}: ${pInSet === undefined ? '…' : fmt.sampleShare(pInSet)}`
        + (site.withinError ? ` · ⚠ ${t('prop.withinErrorMark')}` : '');
      L.marker([site.lat, site.lon], { icon, keyboard: false, title: this.nameOf(knr) })
        .bindTooltip(tooltipContent(tip))
        .on('click', () => this.deps.onSelect(knr))
        .addTo(group);
    }
    if (this.checked('proposed') && !this.deps.map.hasLayer(group)) group.addTo(this.deps.map);
    this.deps.onChange('proposed');
  }

  /** Reloads the coverage layer for the current radius and proposed set (when it is shown). */
  async refreshCoverage(): Promise<void> {
    if (this.isOn('coverage')) await this.loadCoverage();
  }

  private async loadCoverage(): Promise<void> {
    const { state } = this.deps;
    // Coverage from the proposal's own sites (several candidate sites per municipality), under the scenario's model.
    const sites = state.selection ? state.selection.selectedSites.join(',') : '';
    const model = state.params.travelModel !== 'builtin' ? `&travelModel=${encodeURIComponent(state.params.travelModel)}` : '';
    const c = await getJson<CoverageResponse>(`/api/coverage?minutes=${state.params.minutes}&sites=${sites}${model}`);
    const group = this.layers.get('coverage');
    if (!group) return;
    group.clearLayers();
    const L = leaflet();
    c.points.forEach(([lon, lat, residents], i) => {
      const st = Number(c.states[i]) as 0 | 1 | 2;
      L.circleMarker([lat, lon], {
        renderer: this.pointRenderer, radius: Math.max(2.5, Math.min(9, Math.sqrt(residents) / 10)), weight: st === 0 ? 1.2 : 0.8,
        color: st === 0 ? '#000' : '#fff', fillColor: COVERAGE_COLOURS[st], fillOpacity: 0.95, interactive: false,
      }).addTo(group);
    });
    state.coverage = c;
    byId('map', HTMLDivElement).dataset.coverage = String(c.points.length);
  }

  private async loadPremises(): Promise<void> {
    const { t } = this.deps;
    const L = leaflet();
    const fc = await getJson<PremisesGeoJson>('/api/workspace/premises');
    this.layers.set('premises', L.geoJSON(fc, {
      pointToLayer: (f: PremisesGeoJson['features'][number], ll) =>
        L.circleMarker(ll, { radius: 5, color: '#4d004b', weight: 2, fillColor: '#CC79A7', fillOpacity: 0.9, className: 'premises-marker' })
          .bindTooltip(tooltipContent(`${this.deps.state.municipalities.get(f.properties.kommunenummer)?.name ?? ''}: ${f.properties.address}`)),
    }));
    if (!fc.features.length) byId('solve-status', HTMLParagraphElement).textContent = t('ws.noPremises');
  }

  /** The legend rows of the layers that are on. */
  legendSymbols(): LegendSymbol[] {
    const { t, state } = this.deps;
    const min = { min: state.params.minutes };
    const rows: LegendSymbol[] = [];
    if (this.isOn('stations')) rows.push({ symbolClass: 'sym sym-station', label: t('map.stations') });
    if (this.isOn('proposed')) {
      rows.push({ symbolClass: 'pm pm-high', symbolText: '1', label: t('ws.legend.stable') });
      rows.push({ symbolClass: 'pm pm-mid', symbolText: '1', label: t('ws.legend.mid') });
      rows.push({ symbolClass: 'pm pm-low', symbolText: '1', label: t('ws.legend.low') });
    }
    if (this.isOn('coverage')) {
      rows.push({ symbolClass: 'sym sym-cov1', label: t('ws.legend.covExisting', min) });
      rows.push({ symbolClass: 'sym sym-cov2', label: t('ws.legend.covProposed', min) });
      rows.push({ symbolClass: 'sym sym-cov0', label: t('ws.legend.covNone', min) });
      rows.push({ symbolClass: '', label: t('ws.legend.covMethod'), note: true });
    }
    if (this.isOn('premises')) rows.push({ symbolClass: 'sym sym-premises', label: t('ws.layer.premises') });
    if (this.isOn('districts')) rows.push({ symbolClass: 'sym sym-line-d', label: t('ws.layer.districts') });
    if (this.isOn('counties')) rows.push({ symbolClass: 'sym sym-line-c', label: t('ws.layer.counties') });
    return rows;
  }
}

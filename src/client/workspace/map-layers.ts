/**
 * The workspace map: the 357 municipalities coloured by score, rank or an indicator (quantile
 * classes, see `core/classes.ts`), dimmed outside the chosen area, the selected one outlined; the
 * legend control; and the symbol layers (`overlays.ts`). Leaflet's `L.geoJSON` turns the server's
 * `[lng, lat]` into Leaflet's `[lat, lng]`.
 */
import { INDICATOR_LABEL, type IndicatorKey } from '../../model/labels';
import type { Feature, Geometry } from 'geojson';
import { classOf, colourOf, legendClasses, PALETTE, quantileBreaks, type ClassBreaks, type LegendClass } from '../core/classes';
import { byId, h, replace } from '../core/dom';
import type { NumberFormat } from '../core/format';
import type { Translate } from '../core/i18n';
import { baseMap, leaflet, tooltipContent, type Leaflet } from '../core/leaflet';
import type { Municipality, MunicipalitiesGeoJson, WorkspacePageData } from '../page-types';
import { LegendControl, type LegendSymbol } from './legend';
import { Overlays, type OverlayName } from './overlays';
import { inArea } from './ranking';
import type { WorkspaceState } from './state';

/** What the map is coloured by: the score, the rank, or an indicator of the municipality. */
export type ColourKey = 'score' | 'rank' | IndicatorKey;

/** The indicators that are drive times (the municipality's stored figures by the built-in travel model). */
const BUILTIN_DRIVE_KEYS: ReadonlySet<ColourKey> = new Set<ColourKey>(['driveMinMean', 'shareBeyond45', 'residentsBeyond45']);

export interface WorkspaceMapDeps {
  page: WorkspacePageData;
  state: WorkspaceState;
  t: Translate;
  fmt: NumberFormat;
  /** A municipality was clicked on the map. */
  onSelect: (knr: string) => void;
}

/** The media query of the small-screen layout (the same width as in `styles/small.css`). */
export const SMALL_SCREEN = '(max-width: 760px)';

type Shape = Leaflet.Polygon & { feature: Feature<Geometry, Municipality> };

export class WorkspaceMap {
  readonly map: Leaflet.Map;
  readonly legend: LegendControl;
  readonly overlays: Overlays;
  private layer: Leaflet.GeoJSON<Municipality> | null = null;
  private readonly shapes = new Map<string, Shape>();
  private breaks: ClassBreaks = { uppers: [], min: 0 };
  private readonly el: HTMLElement;

  constructor(private readonly deps: WorkspaceMapDeps) {
    this.el = byId('map', HTMLDivElement);
    this.map = baseMap(this.el, {
      attribution: '© Kartverket (CC BY 4.0), SSB, Politiet, TØI', tileUrl: deps.page.tileUrl, tileAttribution: deps.page.tileAttribution,
      zoomTitles: { zoomIn: deps.t('map.zoomIn'), zoomOut: deps.t('map.zoomOut') },
    });
    this.el.querySelector('.loading')?.remove();
    // On small screens the legend starts folded, so it does not cover the map.
    this.legend = new LegendControl({ title: deps.t('map.legend'), open: !window.matchMedia(SMALL_SCREEN).matches }).addTo(this.map);
    this.overlays = new Overlays({ ...deps, map: this.map, onChange: (name) => this.afterOverlayChange(name) });
  }

  /** The indicator chosen in the toolbar. */
  colourKey(): ColourKey {
    return byId('indicator', HTMLSelectElement).value as ColourKey;
  }

  private valueOf(knr: string, key: ColourKey): number | null {
    if (key === 'score' || key === 'rank') return this.deps.state.rankingByKnr.get(knr)?.[key] ?? null;
    const v = this.deps.state.municipalities.get(knr)?.[key];
    return typeof v === 'number' ? v : null;
  }

  private styleOf(m: Municipality): Leaflet.PathOptions {
    const key = this.colourKey();
    const selected = this.deps.state.selected === m.kommunenummer;
    const dim = !inArea(m, this.deps.state.area);
    const coverage = this.overlays.isOn('coverage');
    // Municipalities that cannot be chosen (wish requirement) are pale with a dashed border.
    const ineligible = this.isIneligible(m.kommunenummer);
    return {
      color: selected ? '#000' : ineligible ? '#333' : '#555', weight: selected ? 3 : ineligible ? 1 : 0.5,
      dashArray: ineligible && !selected ? '3 3' : undefined,
      fillOpacity: (coverage ? (dim ? 0.1 : 0.3) : dim ? 0.25 : 0.85) * (ineligible ? 0.35 : 1),
      fillColor: colourOf(classOf(this.valueOf(m.kommunenummer, key), this.breaks.uppers), this.breaks.uppers.length, key === 'rank'),
    };
  }

  /** Draws the municipalities (once), fits the map to them and fills the search list. */
  draw(fc: MunicipalitiesGeoJson): void {
    const { state } = this.deps;
    for (const f of fc.features) state.municipalities.set(f.properties.kommunenummer, f.properties);
    this.recolour();
    const L = leaflet();
    this.layer = L.geoJSON<Municipality>(fc, {
      style: (f) => (f ? this.styleOf(f.properties) : {}),
      onEachFeature: (f, layer) => this.bindShape(f.properties.kommunenummer, layer as Shape),
    }).addTo(this.map);
    this.map.fitBounds(this.layer.getBounds());
    for (const [knr, shape] of this.shapes) {
      const path = shape.getElement();
      if (path) {
        path.classList.add('municipality');
        path.setAttribute('data-kommunenummer', knr);
      }
    }
    this.el.dataset.municipalities = String(fc.features.length);
    const names = [...state.municipalities.values()].map((m) => m.name).sort((a, b) => a.localeCompare(b, 'nb'));
    replace(byId('muni-names', HTMLDataListElement), ...names.map((name) => h('option', { attrs: { value: name } })));
  }

  private bindShape(knr: string, shape: Shape): void {
    this.shapes.set(knr, shape);
    shape.bindTooltip(() => this.tooltipOf(knr), { sticky: true });
    shape.on('click', () => this.deps.onSelect(knr));
    shape.on('mouseover', () => {
      if (this.deps.state.selected !== knr) shape.setStyle({ weight: 2, color: '#000' });
    });
    shape.on('mouseout', () => shape.setStyle(this.styleOf(shape.feature.properties)));
  }

  private tooltipOf(knr: string): HTMLElement {
    const key = this.colourKey();
    const m = this.deps.state.municipalities.get(knr);
    return tooltipContent(h('strong', null, m?.name ?? knr), `${this.labelOf(key)}: ${this.format(this.valueOf(knr, key), key)}`);
  }

  private labelOf(key: ColourKey): string {
    const { t } = this.deps;
    return key === 'score' ? t('ws.score') : key === 'rank' ? t('ws.rank') : t(INDICATOR_LABEL[key]);
  }

  private format(v: number | null, key: ColourKey): string {
    return key === 'score' ? this.deps.fmt.score(v) : this.deps.fmt.indicator(v, key);
  }

  /** New class breaks for the current indicator and figures; restyles the shapes and the legend. */
  recolour(): void {
    const { state } = this.deps;
    if (!state.municipalities.size) return;
    const key = this.colourKey();
    this.breaks = quantileBreaks([...state.municipalities.keys()].map((knr) => this.valueOf(knr, key)), PALETTE.length);
    this.restyle();
    if (state.selected) this.shapes.get(state.selected)?.bringToFront();
    this.renderLegend();
  }

  private isIneligible(knr: string): boolean {
    return this.deps.state.rankingByKnr.get(knr)?.eligible === false;
  }

  /** Restyles every shape (after a change of area, selection or the coverage layer); marks the ineligible ones. */
  restyle(): void {
    this.layer?.setStyle((f) => (f ? this.styleOf(f.properties) : {}));
    for (const [knr, shape] of this.shapes) shape.getElement()?.classList.toggle('is-ineligible', this.isIneligible(knr));
  }

  /** The symbol rows: the layers that are on, and the ineligible mark when some municipality is not eligible. */
  private legendSymbols(): LegendSymbol[] {
    const any = [...this.deps.state.rankingByKnr.values()].some((it) => !it.eligible);
    return [...(any ? [{ symbolClass: 'sym sym-ineligible', label: this.deps.t('ws.legend.ineligible') }] : []), ...this.overlays.legendSymbols()];
  }

  renderLegend(): void {
    const { t } = this.deps;
    const key = this.colourKey();
    const text = (c: LegendClass): string =>
      c.first && c.lower === c.upper ? this.format(c.lower, key) : `${c.first ? '' : '> '}${this.format(c.lower, key)} – ${this.format(c.upper, key)}`;
    this.legend.setClasses({
      title: this.labelOf(key),
      subtitle: [t('map.classes'), key === 'rank' ? t('ws.rankDark') : null, this.builtinDriveNote(key)].filter((x) => x !== null).join(' · '),
      classes: legendClasses(this.breaks, key === 'rank'),
      rangeText: text,
      missingLabel: t('map.missing'),
    });
    this.legend.setLayers(this.legendSymbols());
  }

  /**
   * The drive-time indicators are the municipality's stored figures by the built-in model; under an imported
   * travel matrix the legend says so (the proposal and the profile use the scenario's model).
   */
  private builtinDriveNote(key: ColourKey): string | null {
    if (!BUILTIN_DRIVE_KEYS.has(key) || this.deps.state.params.travelModel === 'builtin') return null;
    return this.deps.t('map.builtinDrive', { model: this.deps.page.travelModels.find((m) => m.ref === 'builtin')?.label ?? 'builtin' });
  }

  private afterOverlayChange(name: OverlayName): void {
    if (name === 'coverage') this.restyle();
    this.legend.setLayers(this.legendSymbols());
  }

  /** Fit options that keep the fitted area clear of the legend in the lower right corner. */
  private fitOptions(maxZoom: number): Leaflet.FitBoundsOptions {
    const box = this.legend.getContainer();
    const w = box && box.offsetWidth < this.el.offsetWidth / 2 ? box.offsetWidth : 0;
    return { maxZoom, paddingTopLeft: [20, 20], paddingBottomRight: [w + 20, 20] };
  }

  /** Outlines the selected municipality (and un-outlines the previous one); zooms to it unless it was clicked on the map. */
  select(knr: string, previous: string | null, zoom: boolean): void {
    if (previous) this.restyleOne(previous);
    const shape = this.shapes.get(knr);
    if (!shape) return;
    this.restyleOne(knr);
    shape.bringToFront();
    this.el.querySelectorAll('path.municipality.is-selected').forEach((x) => x.classList.remove('is-selected'));
    shape.getElement()?.classList.add('is-selected');
    if (zoom) this.map.fitBounds(shape.getBounds(), this.fitOptions(8));
  }

  /** Removes the outline of the selected municipality. */
  unselect(knr: string): void {
    this.restyleOne(knr);
    this.el.querySelectorAll('path.municipality.is-selected').forEach((x) => x.classList.remove('is-selected'));
  }

  private restyleOne(knr: string): void {
    const shape = this.shapes.get(knr);
    if (shape) shape.setStyle(this.styleOf(shape.feature.properties));
  }

  /** Restyles for the chosen area and zooms to it. */
  showArea(): void {
    if (!this.layer) return;
    this.restyle();
    let bounds: Leaflet.LatLngBounds | null = null;
    for (const shape of this.shapes.values()) {
      if (!inArea(shape.feature.properties, this.deps.state.area)) continue;
      const b = shape.getBounds();
      bounds = bounds ? bounds.extend(b) : leaflet().latLngBounds(b.getSouthWest(), b.getNorthEast());
    }
    if (bounds) this.map.fitBounds(bounds, this.fitOptions(10));
  }

  /** Marks the map as drawn (tests and people wait for it). */
  markReady(): void {
    this.el.dataset.ready = 'true';
  }
}

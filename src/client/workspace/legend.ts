/**
 * The map legend as a Leaflet control: the colour classes of the indicator the map is coloured by,
 * then a row per symbol layer that is on. `onAdd` builds the box, `onRemove` lets go of it; the
 * content is set with `setClasses` and `setLayers` and is built from elements (no HTML strings).
 * It is a `<details>` box, open unless `open: false` (e.g. on small screens), so the planner can fold
 * it away from the map.
 */
import { h, replace } from '../core/dom';
import { leaflet, type Leaflet } from '../core/leaflet';
import type { LegendClass } from '../core/classes';
import { MISSING_COLOUR } from '../core/classes';

/** One row of the layer legend: a symbol (CSS classes and optional text, e.g. a number in a marker) and its label. */
export interface LegendSymbol {
  symbolClass: string;
  symbolText?: string;
  label: string;
  /** A note row in smaller type without a symbol (e.g. the method of a layer). */
  note?: boolean;
}

export interface LegendOptions extends Leaflet.ControlOptions {
  /** The summary line (the legend's title). */
  title: string;
  /** Whether the box starts open. */
  open: boolean;
}

export interface ClassLegend {
  title: string;
  subtitle: string;
  classes: readonly LegendClass[];
  /** A class's value range as text (`first` includes its lower bound). */
  rangeText: (c: LegendClass) => string;
  missingLabel: string;
}

const L = leaflet();

export class LegendControl extends L.Control {
  declare options: LegendOptions;
  private box: HTMLDetailsElement | null = null;
  /** The colour classes (`#legend`, announced to screen readers as it changes). */
  private readonly classesEl = h('div', { id: 'legend', attrs: { 'aria-live': 'polite' } });
  /** The symbol layers (`#layer-legend`). */
  private readonly layersEl = h('div', { id: 'layer-legend' });

  constructor(options: Partial<LegendOptions> & Pick<LegendOptions, 'title'>) {
    super({ position: 'bottomright', ...options });
    this.options = { position: 'bottomright', open: true, ...options };
  }

  override onAdd(map: Leaflet.Map): HTMLElement {
    const box = h('details', { className: 'ws-legend' }, h('summary', { id: 'legend-title' }, this.options.title), this.classesEl, this.layersEl);
    box.open = this.options.open;
    // Clicks and wheel turns inside the legend stay in the legend (no map click, no zoom).
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    this.box = box;
    map.on('resize', this.fitHeight, this);
    this.fitHeight({ target: map });
    return box;
  }

  override onRemove(map: Leaflet.Map): void {
    map.off('resize', this.fitHeight, this);
    this.box = null;
  }

  /** Keeps the box within 70 % of the map's height (it scrolls beyond that). */
  private fitHeight(e: { target: Leaflet.Map }): void {
    if (this.box) this.box.style.maxHeight = `${Math.round(e.target.getSize().y * 0.7)}px`;
  }

  /** Opens or folds the box. */
  setOpen(open: boolean): this {
    this.options.open = open;
    if (this.box) this.box.open = open;
    return this;
  }

  /** Shows the colour classes of the indicator the map is coloured by. */
  setClasses(legend: ClassLegend): this {
    const rows = legend.classes.map((c) => h('li', null, swatch(c.colour), legend.rangeText(c)));
    replace(this.classesEl,
      h('p', { className: 'legend-title' }, legend.title),
      h('p', { className: 'legend-sub' }, legend.subtitle),
      h('ul', { className: 'legend' }, ...rows, h('li', null, swatch(MISSING_COLOUR), legend.missingLabel)));
    return this;
  }

  /** Shows a row per symbol layer that is on (nothing when none is). */
  setLayers(symbols: readonly LegendSymbol[]): this {
    const rows = symbols.map((s) =>
      s.note ? h('li', { className: 'legend-method' }, s.label) : h('li', null, h('span', { className: s.symbolClass }, s.symbolText ?? ''), s.label));
    replace(this.layersEl, rows.length ? h('ul', { className: 'legend' }, ...rows) : null);
    return this;
  }

  /** Shows a message instead of the classes (e.g. when the map data could not be loaded). */
  setMessage(text: string): this {
    replace(this.classesEl, text);
    return this;
  }
}

function swatch(colour: string): HTMLElement {
  return h('span', { className: 'swatch', style: { background: colour } });
}

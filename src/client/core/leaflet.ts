/**
 * Leaflet for the browser modules. Leaflet itself is not bundled: the pages load it with its own
 * script tag from `/vendor/leaflet/leaflet.js` (served from node_modules/leaflet/dist, cached apart
 * from the app's scripts); the types come from @types/leaflet.
 */
import type { Feature, Geometry } from 'geojson';
import type * as Leaflet from 'leaflet';

declare global {
  interface Window {
    L?: typeof Leaflet;
  }
}

export type { Leaflet };

/**
 * The global Leaflet namespace.
 * @throws Error when the page did not load Leaflet before this script
 */
export function leaflet(): typeof Leaflet {
  const L = window.L;
  if (!L) throw new Error('Leaflet is not loaded: the page must include /vendor/leaflet/leaflet.js before this script');
  return L;
}

/** Options of `baseMap`. */
export interface BaseMapOptions {
  /** Attribution of the data drawn on the map (Kartverket, SSB, …). */
  attribution: string;
  /** A tile server URL template for deployments that have one (`STEDSVALG_TILE_URL`); none by default. */
  tileUrl?: string | null;
  tileAttribution?: string;
  scrollWheelZoom?: boolean;
  keyboard?: boolean;
  /** The zoom buttons' titles (tooltip and screen-reader label) in the page's language (`map.zoomIn`, `map.zoomOut`). */
  zoomTitles: { zoomIn: string; zoomOut: string };
}

/**
 * A Leaflet map in `el` with the app's defaults: quarter zoom steps, zoom buttons titled in the page's language
 * (Leaflet's own are English), no Leaflet prefix, our attribution, optional tiles.
 */
export function baseMap(el: HTMLElement, options: BaseMapOptions): Leaflet.Map {
  const L = leaflet();
  const map = L.map(el, {
    zoomSnap: 0.25, zoomControl: false, attributionControl: true, scrollWheelZoom: options.scrollWheelZoom ?? true, keyboard: options.keyboard ?? true,
  });
  L.control.zoom({ zoomInTitle: options.zoomTitles.zoomIn, zoomOutTitle: options.zoomTitles.zoomOut }).addTo(map);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(options.attribution);
  if (options.tileUrl) L.tileLayer(options.tileUrl, { attribution: options.tileAttribution ?? '', maxZoom: 18 }).addTo(map);
  return map;
}

/** A tooltip body: a text, or lines of text, as elements (Leaflet would parse a string as HTML). */
export function tooltipContent(...lines: (string | HTMLElement)[]): HTMLElement {
  const box = document.createElement('span');
  lines.forEach((line, i) => {
    if (i > 0) box.appendChild(document.createElement('br'));
    box.appendChild(typeof line === 'string' ? document.createTextNode(line) : line);
  });
  return box;
}

/** A geometry as a GeoJSON feature without properties (for `L.geoJSON`). */
export function asFeature(geometry: Geometry): Feature {
  return { type: 'Feature', properties: {}, geometry };
}

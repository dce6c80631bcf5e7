/**
 * Entry of a municipality's answer page (`/responses/:kommunenummer`): the municipality's boundary
 * and its offered premises on a small map without background tiles. The data comes from
 * `#resp-data`; the premises' addresses are the municipality's own text and reach the tooltip as
 * text only. Built to /static/responses.js.
 */
import type { Leaflet } from '../core/leaflet';
import { asFeature, baseMap, leaflet, tooltipContent } from '../core/leaflet';
import { readPageData } from '../core/page-data';
import type { ResponsePageData } from '../page-types';

function drawAnswerMap(el: HTMLElement, data: ResponsePageData): void {
  const L = leaflet();
  const map = baseMap(el, { attribution: '© Kartverket (CC BY 4.0)', scrollWheelZoom: false, zoomTitles: data.zoomTitles });
  // Leaflet needs a view before vector layers are added: collect the layers, fit, then add them.
  const layers: Leaflet.Layer[] = [];
  let bounds: Leaflet.LatLngBounds | null = null;
  if (data.mapData.boundary) {
    const outline = L.geoJSON(asFeature(data.mapData.boundary), {
      style: { color: '#1f4e79', weight: 1.5, fillColor: '#cfe0f1', fillOpacity: 0.7 },
    });
    layers.push(outline);
    bounds = outline.getBounds();
  }
  for (const p of data.mapData.premises) {
    const marker = L.circleMarker([p.lat, p.lon], { radius: 7, color: '#7a0000', weight: 2, fillColor: '#e53935', fillOpacity: 1, className: 'premises-marker' });
    marker.bindTooltip(tooltipContent(`${p.n}: ${p.address}`));
    layers.push(marker);
    bounds?.extend(L.latLng(p.lat, p.lon));
  }
  if (bounds?.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
  else map.setView([65, 13], 4);
  for (const l of layers) l.addTo(map);
  el.dataset.ready = 'true';
  el.dataset.premises = String(data.mapData.premises.length);
}

const data = readPageData<ResponsePageData>('resp-data');
const el = document.getElementById('resp-map');
if (data && el && window.L) drawAnswerMap(el, data);

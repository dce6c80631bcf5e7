/**
 * Entry of the municipality profile (`/municipalities/:kommunenummer`): a small map of the
 * municipality, its population-weighted centre, its nearest stations, its offered premises and the
 * site the stored proposal chose in it (if any).
 * Built to /static/profile.js.
 */
import { ANY_SITE_KIND_LABEL } from '../../model/labels';
import { numberFormat } from '../core/format';
import { translator } from '../core/i18n';
import { asFeature, baseMap, leaflet, tooltipContent } from '../core/leaflet';
import { readPageData } from '../core/page-data';
import type { ProfilePageData } from '../page-types';

function drawProfileMap(box: HTMLElement, page: ProfilePageData & { boundary: NonNullable<ProfilePageData['boundary']> }): void {
  const L = leaflet();
  const t = translator(page.dictionary);
  const fmt = numberFormat(page.locale);
  const map = baseMap(box, {
    attribution: '© Kartverket (CC BY 4.0), Politiet', tileUrl: page.tileUrl, tileAttribution: page.tileAttribution, scrollWheelZoom: false,
    zoomTitles: { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') },
  });
  const shape = L.geoJSON(asFeature(page.boundary), { style: { color: '#253494', weight: 2, fillColor: '#41b6c4', fillOpacity: 0.35 } });
  // Leaflet needs the view before vector layers are added.
  const bounds = shape.getBounds();
  for (const s of page.stations) bounds.extend([s.lat, s.lon]);
  map.fitBounds(bounds, { padding: [15, 15] });
  shape.addTo(map);
  L.circleMarker([page.centre[1], page.centre[0]], { radius: 4, color: '#000', weight: 1, fillColor: '#000', fillOpacity: 1 })
    .bindTooltip(tooltipContent(t('prof.centre'))).addTo(map);
  for (const s of page.stations) {
    L.circleMarker([s.lat, s.lon], { radius: 5, color: '#b30000', weight: 2, fillColor: '#fff', fillOpacity: 1, className: 'station-marker' })
      .bindTooltip(tooltipContent(`${s.name} · ${fmt.num(s.driveMin)} min`)).addTo(map);
  }
  for (const p of page.premises) {
    L.circleMarker([p.lat, p.lon], { radius: 6, color: '#4d004b', weight: 2, fillColor: '#CC79A7', fillOpacity: 0.9, className: 'premises-marker' })
      .bindTooltip(tooltipContent(p.address)).addTo(map);
  }
  if (page.chosenSite) {
    const c = page.chosenSite;
    L.circleMarker([c.lat, c.lon], { radius: 8, color: '#fff', weight: 2, fillColor: '#E69F00', fillOpacity: 1, className: 'chosen-site-marker' })
      .bindTooltip(tooltipContent(`${t('prop.prof.site')}: ${c.label} (${t(ANY_SITE_KIND_LABEL[c.kind])})`)).addTo(map);
  }
  box.dataset.ready = 'true';
}

const page = readPageData<ProfilePageData>();
const box = document.getElementById('profile-map');
if (box && page?.boundary) drawProfileMap(box, { ...page, boundary: page.boundary });

/* Municipality profile: a small map of the municipality, its nearest stations and offered premises. */
(function () {
  'use strict';
  var S = window.Stedsvalg;
  var page = S.page;
  var box = document.getElementById('profile-map');
  if (!box || !page.boundary) return;
  var map = L.map(box, { zoomSnap: 0.25, scrollWheelZoom: false, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('© Kartverket (CC BY 4.0), Politiet');
  if (page.tileUrl) L.tileLayer(page.tileUrl, { attribution: page.tileAttribution || '', maxZoom: 18 }).addTo(map);
  var shape = L.geoJSON({ type: 'Feature', properties: {}, geometry: page.boundary }, { style: { color: '#253494', weight: 2, fillColor: '#41b6c4', fillOpacity: 0.35 } });
  // The view must be set before vector layers are added.
  var bounds = shape.getBounds();
  page.stations.forEach(function (s) { bounds.extend([s.lat, s.lon]); });
  map.fitBounds(bounds, { padding: [15, 15] });
  shape.addTo(map);
  L.circleMarker([page.centre[1], page.centre[0]], { radius: 4, color: '#000', weight: 1, fillColor: '#000', fillOpacity: 1 })
    .bindTooltip(S.t('prof.centre')).addTo(map);
  page.stations.forEach(function (s) {
    L.circleMarker([s.lat, s.lon], { radius: 5, color: '#b30000', weight: 2, fillColor: '#fff', fillOpacity: 1, className: 'station-marker' })
      .bindTooltip(S.escapeHtml(s.name) + ' · ' + S.num(s.driveMin) + ' min').addTo(map);
  });
  page.premises.forEach(function (p) {
    L.circleMarker([p.lat, p.lon], { radius: 6, color: '#4d004b', weight: 2, fillColor: '#CC79A7', fillOpacity: 0.9, className: 'premises-marker' })
      .bindTooltip(S.escapeHtml(p.address)).addTo(map);
  });
  box.dataset.ready = 'true';
})();

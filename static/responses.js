/* Municipality answer page: draws the municipality's own boundary and its offered premises on a
   small Leaflet map (no background tiles). Data comes from #resp-data (escaped JSON). */
(function () {
  'use strict';
  var holder = document.getElementById('resp-data');
  var el = document.getElementById('resp-map');
  if (!holder || !el || typeof L === 'undefined') return;
  var data = JSON.parse(holder.dataset.json);
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: true, scrollWheelZoom: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('© Kartverket (CC BY 4.0)');
  // Leaflet needs a view before vector layers are added: collect the layers, fit, then add them.
  var layers = [];
  var bounds = null;
  if (data.mapData.boundary) {
    var outline = L.geoJSON({ type: 'Feature', properties: {}, geometry: data.mapData.boundary }, {
      style: { color: '#1f4e79', weight: 1.5, fillColor: '#cfe0f1', fillOpacity: 0.7 },
    });
    layers.push(outline);
    bounds = outline.getBounds();
  }
  data.mapData.premises.forEach(function (p) {
    var marker = L.circleMarker([p.lat, p.lon], { radius: 7, color: '#7a0000', weight: 2, fillColor: '#e53935', fillOpacity: 1, className: 'premises-marker' });
    // The address is the municipality's own text: shown as text, never parsed as HTML.
    var label = document.createElement('span');
    label.textContent = String(p.n) + ': ' + p.address;
    marker.bindTooltip(label);
    layers.push(marker);
    if (bounds) bounds.extend(L.latLng(p.lat, p.lon));
  });
  if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
  else map.setView([65, 13], 4);
  layers.forEach(function (l) { l.addTo(map); });
  el.dataset.ready = 'true';
  el.dataset.premises = String(data.mapData.premises.length);
})();

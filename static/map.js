/* Stedsvalg map page: draws the 357 municipalities from the project's own GeoJSON (no tiles),
   colours them by a chosen indicator in quantile classes, and shows the existing stations. */
(function () {
  'use strict';
  var page = JSON.parse(document.getElementById('page-data').dataset.json);
  var dict = page.dictionary;
  var numberLocale = page.locale === 'nb' ? 'nb-NO' : 'en-GB';
  // ColorBrewer YlGnBu, 5 classes: sequential and safe for the common colour-vision deficiencies.
  var palette = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
  var missingColour = '#bdbdbd';
  var digits = { population: 0, densityPerKm2: 1, crimePer1000: 1, violencePer1000: 1, crimeTrendPer1000: 2,
    driveMinMean: 1, residentsBeyond45: 0, shareBeyond45: 1, nearestStationMin: 1, areaKm2: 0 };

  function fmt(value, key) {
    if (value === null || value === undefined || !isFinite(value)) return '–';
    if (key === 'shareBeyond45') value = value * 100;
    var s = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: digits[key] || 0, minimumFractionDigits: digits[key] || 0 }).format(value);
    return key === 'shareBeyond45' ? s + ' %' : s;
  }

  /** Quantile class breaks: upper bounds of each class (last = max), de-duplicated so ties
      (e.g. many municipalities at 0 %) share one class instead of producing empty ones. */
  function quantileBreaks(values, classes) {
    var sorted = values.filter(function (v) { return v !== null && v !== undefined && isFinite(v); }).sort(function (a, b) { return a - b; });
    var uppers = [];
    for (var i = 1; i <= classes; i++) {
      var v = sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / classes) - 1)];
      if (uppers.length === 0 || v > uppers[uppers.length - 1]) uppers.push(v);
    }
    return { uppers: uppers, min: sorted[0] };
  }

  function classOf(value, uppers) {
    if (value === null || value === undefined || !isFinite(value)) return -1;
    for (var i = 0; i < uppers.length; i++) if (value <= uppers[i]) return i;
    return uppers.length - 1;
  }

  /** Picks evenly spread colours from the palette when there are fewer classes than colours. */
  function colourOf(cls, n) {
    if (cls < 0) return missingColour;
    if (n <= 1) return palette[palette.length - 1];
    return palette[Math.round((cls * (palette.length - 1)) / (n - 1))];
  }

  var map = L.map('map', { zoomSnap: 0.25, preferCanvas: false, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('© Kartverket (CC BY 4.0), SSB, Politiet, TØI');
  document.querySelector('#map .loading') && document.querySelector('#map .loading').remove();
  var muniLayer = null;
  var stationLayer = L.layerGroup();
  var features = [];

  function style(feature) {
    var key = document.getElementById('indicator').value;
    var cls = classOf(feature.properties[key], currentBreaks.uppers);
    return { color: '#555', weight: 0.5, fillOpacity: 0.85, fillColor: colourOf(cls, currentBreaks.uppers.length) };
  }

  var currentBreaks = { uppers: [], min: 0 };

  function renderLegend(key) {
    var b = currentBreaks;
    var html = '<p class="legend-title">' + escapeHtml(dict['ind.' + key]) + '</p><p class="legend-sub">' + escapeHtml(dict['map.classes']) + '</p><ul class="legend">';
    for (var i = 0; i < b.uppers.length; i++) {
      var lower = i === 0 ? b.min : b.uppers[i - 1];
      var label = i === 0 && lower === b.uppers[0] ? fmt(lower, key) : (i === 0 ? '' : '> ') + fmt(lower, key) + ' – ' + fmt(b.uppers[i], key);
      html += '<li><span class="swatch" style="background:' + colourOf(i, b.uppers.length) + '"></span>' + label + '</li>';
    }
    html += '<li><span class="swatch" style="background:' + missingColour + '"></span>' + escapeHtml(dict['map.missing']) + '</li></ul>';
    document.getElementById('legend').innerHTML = html;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }

  function popupHtml(p) {
    var rows = ['population', 'densityPerKm2', 'driveMinMean', 'residentsBeyond45', 'shareBeyond45', 'crimePer1000', 'violencePer1000', 'crimeTrendPer1000'];
    var html = '<h3>' + escapeHtml(p.name) + ' <small>' + escapeHtml(p.kommunenummer) + '</small></h3><dl>';
    html += '<dt>' + escapeHtml(dict['muni.county']) + '</dt><dd>' + escapeHtml(p.county) + '</dd>';
    html += '<dt>' + escapeHtml(dict['muni.district']) + '</dt><dd>' + escapeHtml(p.policeDistrict) + '</dd>';
    rows.forEach(function (k) { html += '<dt>' + escapeHtml(dict['ind.' + k]) + '</dt><dd>' + fmt(p[k], k) + '</dd>'; });
    return html + '</dl>';
  }

  function recolour() {
    var key = document.getElementById('indicator').value;
    currentBreaks = quantileBreaks(features.map(function (f) { return f.properties[key]; }), palette.length);
    if (muniLayer) muniLayer.setStyle(style);
    renderLegend(key);
  }

  fetch('/api/municipalities.geojson').then(function (r) { return r.json(); }).then(function (fc) {
    features = fc.features;
    recolour();
    muniLayer = L.geoJSON(fc, {
      style: style,
      onEachFeature: function (f, layer) {
        layer.bindTooltip(escapeHtml(f.properties.name), { sticky: true });
        layer.bindPopup(function () { return popupHtml(f.properties); });
        layer.on('mouseover', function () { layer.setStyle({ weight: 2, color: '#000' }); });
        layer.on('mouseout', function () { muniLayer.resetStyle(layer); });
      },
    }).addTo(map);
    map.fitBounds(muniLayer.getBounds());
    muniLayer.eachLayer(function (l) { var el = l.getElement && l.getElement(); if (el) { el.classList.add('municipality'); el.setAttribute('data-kommunenummer', l.feature.properties.kommunenummer); } });
    document.getElementById('map').dataset.municipalities = String(fc.features.length);
    return fetch('/api/stations');
  }).then(function (r) { return r.json(); }).then(function (fc) {
    fc.features.forEach(function (f) {
      var p = f.properties;
      var marker = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
        radius: 4, color: '#b30000', weight: 1.5, fillColor: '#fff', fillOpacity: 1, className: 'station-marker',
      });
      marker.bindPopup('<h3>' + escapeHtml(p.name) + '</h3><dl><dt>' + escapeHtml(dict['station.type']) + '</dt><dd>' + escapeHtml(p.type) +
        '</dd><dt>' + escapeHtml(dict['muni.district']) + '</dt><dd>' + escapeHtml(p.policeDistrict) + '</dd><dt>' + escapeHtml(dict['station.geocoding']) +
        '</dt><dd>' + escapeHtml(p.geocoding) + '</dd></dl>');
      stationLayer.addLayer(marker);
    });
    stationLayer.addTo(map);
    document.getElementById('map').dataset.stations = String(fc.features.length);
    document.getElementById('map').dataset.ready = 'true';
  }).catch(function (err) {
    document.getElementById('legend').textContent = 'Error: ' + err.message;
  });

  document.getElementById('indicator').addEventListener('change', recolour);
  document.getElementById('show-stations').addEventListener('change', function (e) {
    if (e.target.checked) stationLayer.addTo(map); else map.removeLayer(stationLayer);
  });
})();

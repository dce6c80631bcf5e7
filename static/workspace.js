/* Stedsvalg planner's workspace: the choropleth map, layers, the ranking table and the weights
   panel. Every change re-ranks (/api/ranking) and re-selects greedily (POST /api/selection),
   debounced; robustness (/api/robustness) follows a little later. No inline scripts. */
(function () {
  'use strict';
  var S = window.Stedsvalg;
  var page = S.page;
  var t = S.t;
  var $ = function (id) { return document.getElementById(id); };

  var INDICATORS = ['population', 'densityPerKm2', 'driveMinMean', 'residentsBeyond45', 'shareBeyond45', 'crimePer1000', 'violencePer1000', 'crimeTrendPer1000'];
  var criteria = page.criteria;
  var criterionColour = {};
  criteria.forEach(function (c, i) { criterionColour[c.id] = S.criterionColours[i % S.criterionColours.length]; });

  // ------------------------------------------------------------------ state
  var state = {
    params: clone(page.scenario ? page.scenario.params : page.defaults),
    savedParams: page.scenario ? JSON.stringify(page.scenario.params) : null,
    ranking: null, byK: {}, selection: null, robust: {}, sites: {},
    features: [], props: {}, layers: {}, selected: null, area: '', sort: { key: 'rank', dir: 1 },
    seq: 0, robustSeq: 0, compare: loadCompare(),
  };

  function clone(o) { return JSON.parse(JSON.stringify(o)); }

  // ------------------------------------------------------------------ params <-> form
  function paramsToForm(p) {
    criteria.forEach(function (c) {
      var v = p.weights[c.id] !== undefined ? p.weights[c.id] : c.defaultWeight;
      $('w-' + c.id).value = v;
      $('wo-' + c.id).textContent = S.num(v, v % 1 ? 1 : 0);
    });
    $('p-normalization').value = p.normalization;
    $('p-method').value = p.method;
    $('p-k').value = p.k;
    $('p-objective').value = p.objective;
    $('p-minutes').value = p.minutes;
    $('p-wishGate').checked = p.wishGate;
    document.querySelectorAll('.dmin').forEach(function (i) { var v = p.districtMin[i.dataset.district]; i.value = v === undefined ? '' : v; });
    document.querySelectorAll('.dmax').forEach(function (i) { var v = p.districtMax[i.dataset.district]; i.value = v === undefined ? '' : v; });
  }

  function formToParams() {
    var p = state.params;
    criteria.forEach(function (c) { p.weights[c.id] = Number($('w-' + c.id).value); });
    p.normalization = $('p-normalization').value;
    p.method = $('p-method').value;
    p.k = clampInt($('p-k').value, 1, 100, 20);
    p.objective = $('p-objective').value;
    p.minutes = clampInt($('p-minutes').value, 5, 240, 45);
    p.wishGate = $('p-wishGate').checked;
    p.districtMin = {}; p.districtMax = {};
    document.querySelectorAll('.dmin').forEach(function (i) { if (i.value !== '') p.districtMin[i.dataset.district] = clampInt(i.value, 0, 100, 0); });
    document.querySelectorAll('.dmax').forEach(function (i) { if (i.value !== '') p.districtMax[i.dataset.district] = clampInt(i.value, 0, 100, 0); });
  }

  function clampInt(v, lo, hi, dflt) {
    var n = Math.round(Number(v));
    return isFinite(n) && v !== '' ? Math.min(hi, Math.max(lo, n)) : dflt;
  }

  /** The scenario as a URL query (the format `scenarioFromQuery` reads). */
  function queryOf(p) {
    var w = Object.keys(p.weights).map(function (k) { return k + ':' + p.weights[k]; }).join(',');
    var q = ['weights=' + encodeURIComponent(w), 'normalization=' + p.normalization, 'method=' + p.method, 'wishGate=' + p.wishGate,
      'k=' + p.k, 'objective=' + p.objective, 'minutes=' + p.minutes, 'blendAlpha=' + p.blendAlpha];
    if (Object.keys(p.districtMin).length) q.push('districtMin=' + encodeURIComponent(JSON.stringify(p.districtMin)));
    if (Object.keys(p.districtMax).length) q.push('districtMax=' + encodeURIComponent(JSON.stringify(p.districtMax)));
    if (p.include && p.include.length) q.push('include=' + p.include.join(','));
    if (p.exclude && p.exclude.length) q.push('exclude=' + p.exclude.join(','));
    if (p.travelModel && p.travelModel !== 'builtin') q.push('travelModel=' + encodeURIComponent(p.travelModel));
    return q.join('&');
  }

  function isDirty() { return state.savedParams !== null && state.savedParams !== JSON.stringify(state.params); }

  /** Link to a profile under the current scenario (the saved one when unchanged). */
  function profileHref(k) {
    if (page.scenario && !isDirty()) return '/municipalities/' + k + '?scenario=' + encodeURIComponent(page.scenario.id);
    return '/municipalities/' + k + '?' + queryOf(state.params);
  }

  // ------------------------------------------------------------------ fetching
  /** Fetches JSON; a failure becomes an Error with the server's message and `status` (401, 403, …). */
  function getJson(url, options) {
    return fetch(url, options).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (body) {
        if (!r.ok || body === null) {
          var err = new Error(body && body.error ? body.error.message : r.status + ' ' + r.statusText);
          err.status = r.status;
          throw err;
        }
        return body;
      });
    });
  }

  /** A failed call as a sentence: not signed in / not allowed get their own words, the rest the server's message. */
  function failureText(err) {
    if (err.status === 401) return t('scn.signedOut');
    if (err.status === 403) return t('scn.forbidden') + ' (' + err.message + ')';
    return t('ws.error') + ': ' + err.message;
  }

  function selectionBody(p, solver) {
    var b = clone(p);
    b.aggregation = p.method;
    b.method = solver;
    return JSON.stringify(b);
  }

  var timer = null;
  function schedule() {
    formToParams();
    markDirty();
    clearTimeout(timer);
    timer = setTimeout(recompute, 150);
  }

  /** Re-rank and re-select greedily; the latest request wins. */
  function recompute() {
    var seq = ++state.seq;
    var p = clone(state.params);
    var t0 = performance.now();
    $('solve-status').textContent = t('ws.updating');
    return Promise.all([
      getJson('/api/ranking?' + queryOf(p)),
      getJson('/api/selection', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: selectionBody(p, 'greedy') }),
    ]).then(function (res) {
      if (seq !== state.seq) return;
      var ms = Math.round(performance.now() - t0);
      document.body.dataset.roundtripMs = String(ms);
      setRanking(res[0]);
      setSelection(res[1]);
      $('solve-status').textContent = t('ws.updated', { ms: S.num(ms) });
      document.body.dataset.seq = String(seq);
      scheduleRobustness();
      if (state.layers.coverage && map.hasLayer(state.layers.coverage)) loadCoverage();
    }).catch(function (err) {
      if (seq === state.seq) $('solve-status').textContent = failureText(err);
    });
  }

  var robustTimer = null;
  function scheduleRobustness() {
    clearTimeout(robustTimer);
    robustTimer = setTimeout(function () {
      var seq = ++state.robustSeq;
      getJson('/api/robustness?samples=1000&seed=1&' + queryOf(state.params)).then(function (r) {
        if (seq !== state.robustSeq) return;
        state.robust = {};
        r.items.forEach(function (it) { state.robust[it.kommunenummer] = it; });
        renderTable(); renderProposed(); renderDetail();
        document.body.dataset.robust = 'true';
      }).catch(function () { /* robustness is advisory; the table keeps working */ });
    }, 500);
  }

  function setRanking(r) {
    state.ranking = r;
    state.byK = {};
    r.items.forEach(function (it) { state.byK[it.kommunenummer] = it; });
    var note = $('answers-note');
    if (!r.answers.loaded) { note.hidden = false; note.textContent = t('ws.noAnswers'); }
    else if (r.answers.sample) { note.hidden = false; note.textContent = t('ws.sampleAnswers'); }
    else note.hidden = true;
    recolour();
    renderTable();
    renderDetail();
  }

  function setSelection(sel) {
    state.selection = sel;
    state.inSet = {};
    sel.selected.forEach(function (k, i) { state.inSet[k] = i + 1; });
    renderSummary();
    renderTable();
    renderProposed();
    renderDetail();
  }

  // ------------------------------------------------------------------ map
  var map = L.map('map', { zoomSnap: 0.25, attributionControl: true, keyboard: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('© Kartverket (CC BY 4.0), SSB, Politiet, TØI');
  if (page.tileUrl) L.tileLayer(page.tileUrl, { attribution: page.tileAttribution || '', maxZoom: 18 }).addTo(map);
  var loading = document.querySelector('#map .loading');
  if (loading) loading.remove();
  var pointRenderer = L.canvas({ padding: 0.2 });
  var muniLayer = null;
  var breaks = { uppers: [], min: 0 };

  function colourKey() { return $('indicator').value; }

  function valueOf(k, key) {
    if (key === 'score' || key === 'rank') { var it = state.byK[k]; return it ? it[key] : null; }
    var p = state.props[k];
    return p ? p[key] : null;
  }

  function inArea(p) {
    if (!state.area) return true;
    var kind = state.area.slice(0, 2); var name = state.area.slice(2);
    return kind === 'd:' ? p.policeDistrict === name : p.county === name;
  }

  function style(feature) {
    var k = feature.properties.kommunenummer;
    var key = colourKey();
    var cls = S.classOf(valueOf(k, key), breaks.uppers);
    var selected = state.selected === k;
    var dim = !inArea(feature.properties);
    return {
      color: selected ? '#000' : '#555', weight: selected ? 3 : 0.5,
      fillOpacity: coverageOn() ? (dim ? 0.1 : 0.3) : (dim ? 0.25 : 0.85), fillColor: S.colourOf(cls, breaks.uppers.length, key === 'rank'),
    };
  }

  /** Keeps zoomed areas clear of the legend in the lower right corner. */
  function fitOptions(maxZoom) {
    var legend = document.querySelector('.ws-legend');
    var w = legend && legend.offsetWidth < $('map').offsetWidth / 2 ? legend.offsetWidth : 0;
    return { maxZoom: maxZoom, paddingTopLeft: [20, 20], paddingBottomRight: [w + 20, 20] };
  }

  function coverageOn() { return state.layers.coverage && map.hasLayer(state.layers.coverage); }

  function recolour() {
    if (!state.features.length) return;
    var key = colourKey();
    breaks = S.quantileBreaks(state.features.map(function (f) { return valueOf(f.properties.kommunenummer, key); }), S.palette.length);
    if (muniLayer) muniLayer.setStyle(style);
    if (muniLayer && state.selected && state.shapes[state.selected]) state.shapes[state.selected].bringToFront();
    renderLegend();
  }

  function fmtValue(v, key) { return key === 'score' ? S.num(v, 1) : S.indicator(v, key); }

  function labelOf(key) { return key === 'score' ? t('ws.score') : key === 'rank' ? t('ws.rank') : t('ind.' + key); }

  function renderLegend() {
    var key = colourKey();
    var b = breaks;
    var html = '<p class="legend-title">' + S.escapeHtml(labelOf(key)) + '</p><p class="legend-sub">' + S.escapeHtml(t('map.classes')) +
      (key === 'rank' ? ' · ' + S.escapeHtml(t('ws.rankDark')) : '') + '</p><ul class="legend">';
    for (var i = 0; i < b.uppers.length; i++) {
      var lower = i === 0 ? b.min : b.uppers[i - 1];
      var label = i === 0 && lower === b.uppers[0] ? fmtValue(lower, key) : (i === 0 ? '' : '> ') + fmtValue(lower, key) + ' – ' + fmtValue(b.uppers[i], key);
      html += '<li><span class="swatch" style="background:' + S.colourOf(i, b.uppers.length, key === 'rank') + '"></span>' + label + '</li>';
    }
    html += '<li><span class="swatch" style="background:' + S.missingColour + '"></span>' + S.escapeHtml(t('map.missing')) + '</li></ul>';
    $('legend').innerHTML = html;
    renderLayerLegend();
  }

  function renderLayerLegend() {
    var rows = [];
    if (state.layers.stations && map.hasLayer(state.layers.stations)) rows.push('<li><span class="sym sym-station"></span>' + S.escapeHtml(t('map.stations')) + '</li>');
    if (state.layers.proposed && map.hasLayer(state.layers.proposed)) {
      rows.push('<li><span class="pm pm-high">1</span>' + S.escapeHtml(t('ws.legend.stable')) + '</li>');
      rows.push('<li><span class="pm pm-mid">1</span>' + S.escapeHtml(t('ws.legend.mid')) + '</li>');
      rows.push('<li><span class="pm pm-low">1</span>' + S.escapeHtml(t('ws.legend.low')) + '</li>');
    }
    if (coverageOn()) {
      rows.push('<li><span class="sym sym-cov1"></span>' + S.escapeHtml(t('ws.legend.covExisting', { min: state.params.minutes })) + '</li>');
      rows.push('<li><span class="sym sym-cov2"></span>' + S.escapeHtml(t('ws.legend.covProposed', { min: state.params.minutes })) + '</li>');
      rows.push('<li><span class="sym sym-cov0"></span>' + S.escapeHtml(t('ws.legend.covNone', { min: state.params.minutes })) + '</li>');
      rows.push('<li class="legend-method">' + S.escapeHtml(t('ws.legend.covMethod')) + '</li>');
    }
    if (state.layers.premises && map.hasLayer(state.layers.premises)) rows.push('<li><span class="sym sym-premises"></span>' + S.escapeHtml(t('ws.layer.premises')) + '</li>');
    if (state.layers.districts && map.hasLayer(state.layers.districts)) rows.push('<li><span class="sym sym-line-d"></span>' + S.escapeHtml(t('ws.layer.districts')) + '</li>');
    if (state.layers.counties && map.hasLayer(state.layers.counties)) rows.push('<li><span class="sym sym-line-c"></span>' + S.escapeHtml(t('ws.layer.counties')) + '</li>');
    $('layer-legend').innerHTML = rows.length ? '<ul class="legend">' + rows.join('') + '</ul>' : '';
  }

  function tooltipHtml(k) {
    var p = state.props[k];
    var key = colourKey();
    return '<strong>' + S.escapeHtml(p.name) + '</strong><br>' + S.escapeHtml(labelOf(key)) + ': ' + fmtValue(valueOf(k, key), key);
  }

  state.shapes = {};
  function drawMunicipalities(fc) {
    state.features = fc.features;
    fc.features.forEach(function (f) { state.props[f.properties.kommunenummer] = f.properties; });
    recolour();
    muniLayer = L.geoJSON(fc, {
      style: style,
      onEachFeature: function (f, layer) {
        var k = f.properties.kommunenummer;
        state.shapes[k] = layer;
        layer.bindTooltip(function () { return tooltipHtml(k); }, { sticky: true });
        layer.on('click', function () { selectMunicipality(k, 'map'); });
        layer.on('mouseover', function () { if (state.selected !== k) layer.setStyle({ weight: 2, color: '#000' }); });
        layer.on('mouseout', function () { layer.setStyle(style(f)); });
      },
    }).addTo(map);
    map.fitBounds(muniLayer.getBounds());
    muniLayer.eachLayer(function (l) {
      var e = l.getElement && l.getElement();
      if (e) { e.classList.add('municipality'); e.setAttribute('data-kommunenummer', l.feature.properties.kommunenummer); }
    });
    $('map').dataset.municipalities = String(fc.features.length);
    var names = Object.keys(state.props).map(function (k) { return state.props[k].name; }).sort(function (a, b) { return a.localeCompare(b, 'nb'); });
    $('muni-names').innerHTML = names.map(function (n) { return '<option value="' + S.escapeHtml(n) + '">'; }).join('');
  }

  function drawStations(fc) {
    var group = L.layerGroup();
    fc.features.forEach(function (f) {
      var p = f.properties;
      var marker = L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
        radius: 3.5, color: '#b30000', weight: 1.5, fillColor: '#fff', fillOpacity: 1, className: 'station-marker',
      });
      marker.bindTooltip(S.escapeHtml(p.name) + ' (' + S.escapeHtml(p.type) + ')');
      group.addLayer(marker);
    });
    state.layers.stations = group;
    if ($('show-stations').checked) group.addTo(map);
    $('map').dataset.stations = String(fc.features.length);
  }

  function stabilityClass(k) {
    var r = state.robust[k];
    if (!r) return 'pm-unknown';
    return r.pInSet >= 0.8 ? 'pm-high' : r.pInSet >= 0.5 ? 'pm-mid' : 'pm-low';
  }

  function renderProposed() {
    if (!state.selection || !Object.keys(state.sites).length) return;
    var group = state.layers.proposed || (state.layers.proposed = L.layerGroup());
    group.clearLayers();
    state.selection.selected.forEach(function (k, i) {
      var s = state.sites[k];
      if (!s) return;
      var r = state.robust[k];
      var icon = L.divIcon({ className: 'proposed-icon', html: '<span class="pm ' + stabilityClass(k) + '">' + (i + 1) + '</span>', iconSize: [22, 22], iconAnchor: [11, 11] });
      var m = L.marker([s.lat, s.lon], { icon: icon, keyboard: false, title: (state.props[k] ? state.props[k].name : k) });
      m.bindTooltip(S.escapeHtml(state.props[k] ? state.props[k].name : k) + ' · ' + S.escapeHtml(t('ws.stability')) + ': ' + (r ? S.pct(r.pInSet) : '…') +
        (s.kind === 'premises' ? ' · ' + S.escapeHtml(t('ws.sitePremises')) : ''));
      m.on('click', function () { selectMunicipality(k, 'map'); });
      group.addLayer(m);
    });
    if ($('show-proposed').checked && !map.hasLayer(group)) group.addTo(map);
    renderLayerLegend();
  }

  function loadCoverage() {
    var sel = state.selection ? state.selection.selected.join(',') : '';
    var model = state.params.travelModel && state.params.travelModel !== 'builtin' ? '&travelModel=' + encodeURIComponent(state.params.travelModel) : '';
    return getJson('/api/coverage?minutes=' + state.params.minutes + '&selected=' + sel + model).then(function (c) {
      var group = state.layers.coverage;
      group.clearLayers();
      var colours = ['#ffffff', '#0072B2', '#E69F00'];
      c.points.forEach(function (pt, i) {
        var st = Number(c.states[i]);
        group.addLayer(L.circleMarker([pt[1], pt[0]], {
          renderer: pointRenderer, radius: Math.max(2.5, Math.min(9, Math.sqrt(pt[2]) / 10)), weight: st === 0 ? 1.2 : 0.8,
          color: st === 0 ? '#000' : '#fff', fillColor: colours[st], fillOpacity: 0.95, interactive: false,
        }));
      });
      state.coverage = c;
      $('map').dataset.coverage = String(c.points.length);
      renderSummary();
    });
  }

  function toggleLazy(name, checkbox, loader) {
    $(checkbox).addEventListener('change', function (e) {
      var on = e.target.checked;
      var ready = state.layers[name] ? Promise.resolve() : loader();
      ready.then(function () {
        if (on) state.layers[name].addTo(map); else map.removeLayer(state.layers[name]);
        if (name === 'coverage' && muniLayer) muniLayer.setStyle(style);
        if (on && (name === 'districts' || name === 'counties')) state.layers[name].bringToFront();
        renderLayerLegend();
      });
    });
  }

  function borderLoader(name, url, lineStyle) {
    return function () {
      return getJson(url).then(function (fc) { state.layers[name] = L.geoJSON(fc, { style: lineStyle, interactive: false }); });
    };
  }

  toggleLazy('stations', 'show-stations', function () { return Promise.resolve(); });
  toggleLazy('proposed', 'show-proposed', function () { state.layers.proposed = L.layerGroup(); return Promise.resolve(); });
  toggleLazy('coverage', 'show-coverage', function () { state.layers.coverage = L.layerGroup(); return loadCoverage(); });
  toggleLazy('premises', 'show-premises', function () {
    return getJson('/api/workspace/premises').then(function (fc) {
      state.layers.premises = L.geoJSON(fc, {
        pointToLayer: function (f, ll) {
          return L.circleMarker(ll, { radius: 5, color: '#4d004b', weight: 2, fillColor: '#CC79A7', fillOpacity: 0.9, className: 'premises-marker' })
            .bindTooltip(S.escapeHtml((state.props[f.properties.kommunenummer] || {}).name || '') + ': ' + S.escapeHtml(f.properties.address));
        },
      });
      if (!fc.features.length) $('solve-status').textContent = t('ws.noPremises');
    });
  });
  toggleLazy('districts', 'show-districts', borderLoader('districts', '/api/layers/politidistrikter.geojson', { color: '#222', weight: 2.5, dashArray: '6 4', fill: false }));
  toggleLazy('counties', 'show-counties', borderLoader('counties', '/api/layers/fylker.geojson', { color: '#6a3d9a', weight: 1.5, fill: false }));

  // ------------------------------------------------------------------ selection of a municipality
  function selectMunicipality(k, from) {
    var prev = state.selected;
    state.selected = k;
    if (prev && state.shapes[prev]) state.shapes[prev].setStyle(style(state.shapes[prev].feature));
    var shape = state.shapes[k];
    if (shape) {
      shape.setStyle(style(shape.feature));
      shape.bringToFront();
      var e = shape.getElement && shape.getElement();
      document.querySelectorAll('path.municipality.is-selected').forEach(function (x) { x.classList.remove('is-selected'); });
      if (e) e.classList.add('is-selected');
      if (from !== 'map') map.fitBounds(shape.getBounds(), fitOptions(8));
    }
    document.querySelectorAll('#ranking tr.is-selected').forEach(function (r) { r.classList.remove('is-selected'); });
    var row = document.querySelector('#ranking tr[data-k="' + k + '"]');
    if (row) {
      row.classList.add('is-selected');
      if (from !== 'table') row.scrollIntoView({ block: 'nearest' });
    }
    renderDetail();
  }

  function renderDetail() {
    var box = $('detail');
    var k = state.selected;
    if (!k || !state.props[k]) { box.hidden = true; return; }
    var p = state.props[k];
    var it = state.byK[k];
    var r = state.robust[k];
    var inSet = state.inSet && state.inSet[k];
    var html = '<div class="detail-head"><h3 id="detail-title">' + S.escapeHtml(p.name) + ' <small>' + S.escapeHtml(k) + '</small></h3>' +
      '<button type="button" class="close" id="detail-close" aria-label="' + S.escapeHtml(t('ws.close')) + '">×</button></div><dl>';
    html += '<dt>' + S.escapeHtml(t('muni.district')) + '</dt><dd>' + S.escapeHtml(p.policeDistrict) + '</dd>';
    html += '<dt>' + S.escapeHtml(t('muni.county')) + '</dt><dd>' + S.escapeHtml(p.county) + '</dd>';
    if (it) {
      html += '<dt>' + S.escapeHtml(t('ws.rank')) + '</dt><dd>' + S.num(it.rank) + '</dd>';
      html += '<dt>' + S.escapeHtml(t('ws.score')) + '</dt><dd>' + S.num(it.score, 1) + '</dd>';
      html += '<dt>' + S.escapeHtml(t('ws.col.eligible')) + '</dt><dd>' + (it.eligible ? S.escapeHtml(t('ws.yes')) : S.escapeHtml(t('ws.no')) + (it.reason ? ' (' + S.escapeHtml(page.ineligibleReasons[it.reason]) + ')' : '')) + '</dd>';
    }
    html += '<dt>' + S.escapeHtml(t('ws.col.proposed')) + '</dt><dd>' + (inSet ? S.escapeHtml(t('ws.inSet', { n: inSet })) : S.escapeHtml(t('ws.no'))) + '</dd>';
    if (r) html += '<dt>' + S.escapeHtml(t('ws.stability')) + '</dt><dd>' + S.pct(r.pInSet) + '</dd>';
    ['population', 'driveMinMean', 'residentsBeyond45', 'shareBeyond45', 'crimePer1000', 'violencePer1000'].forEach(function (key) {
      html += '<dt>' + S.escapeHtml(t('ind.' + key)) + '</dt><dd>' + S.indicator(p[key], key) + '</dd>';
    });
    html += '</dl><p class="detail-links"><a id="profile-link" href="' + S.escapeHtml(profileHref(k)) + '">' + S.escapeHtml(t('ws.openProfile')) + '</a> · ' +
      '<a href="/responses/' + S.escapeHtml(k) + '">' + S.escapeHtml(t('ws.answers')) + '</a> · ' +
      '<button type="button" class="linkish" id="add-compare">' + S.escapeHtml(t('ws.addCompare')) + '</button></p>';
    box.innerHTML = html;
    box.hidden = false;
    $('detail-close').addEventListener('click', function () { var prev = state.selected; state.selected = null; box.hidden = true; if (prev && state.shapes[prev]) state.shapes[prev].setStyle(style(state.shapes[prev].feature)); document.querySelectorAll('.is-selected').forEach(function (x) { x.classList.remove('is-selected'); }); });
    $('add-compare').addEventListener('click', function () { addCompare(k); });
  }

  // ------------------------------------------------------------------ comparison tray (2–4 municipalities)
  function loadCompare() { try { return JSON.parse(sessionStorage.getItem('stedsvalg.compare') || '[]'); } catch (e) { return []; } }
  function addCompare(k) {
    if (state.compare.indexOf(k) < 0) state.compare.push(k);
    while (state.compare.length > 4) state.compare.shift();
    sessionStorage.setItem('stedsvalg.compare', JSON.stringify(state.compare));
    renderTray();
  }
  function renderTray() {
    var tray = $('compare-tray');
    if (!state.compare.length) { tray.hidden = true; return; }
    var names = state.compare.map(function (k) { return S.escapeHtml(state.props[k] ? state.props[k].name : k); }).join(', ');
    // The scenario travels along (its K is left out: `k` names the municipalities on that page).
    var scenarioPart = page.scenario && !isDirty() ? 'scenario=' + encodeURIComponent(page.scenario.id) : queryOf(state.params).split('&').filter(function (p) { return p.indexOf('k=') !== 0; }).join('&');
    var href = '/compare/municipalities?k=' + state.compare.join(',') + '&' + scenarioPart;
    tray.innerHTML = S.escapeHtml(t('ws.compareTray')) + ': ' + names + ' · ' +
      (state.compare.length >= 2 ? '<a href="' + S.escapeHtml(href) + '">' + S.escapeHtml(t('ws.compareGo')) + '</a>' : S.escapeHtml(t('ws.compareNeedTwo'))) +
      ' · <button type="button" class="linkish" id="compare-clear">' + S.escapeHtml(t('ws.compareClear')) + '</button>';
    tray.hidden = false;
    $('compare-clear').addEventListener('click', function () { state.compare = []; sessionStorage.removeItem('stedsvalg.compare'); renderTray(); });
  }

  // ------------------------------------------------------------------ summary of the proposed set
  function renderSummary() {
    var s = state.selection;
    if (!s) return;
    var html = '<h2>' + S.escapeHtml(t('ws.proposal', { k: state.params.k })) + '</h2><dl class="kv">';
    html += '<dt>' + S.escapeHtml(t('ws.solver')) + '</dt><dd id="solver-status">' + S.escapeHtml(t('ws.solver.' + s.method)) + ' · ' + S.escapeHtml(t('ws.status.' + s.status)) +
      (s.gap !== null && s.gap !== undefined ? ' · ' + S.escapeHtml(t('ws.gap')) + ' ' + S.pct(s.gap, 2) : '') + '</dd>';
    if (s.coveredShare !== null) html += '<dt>' + S.escapeHtml(t('ws.coveredShare', { min: state.params.minutes })) + '</dt><dd>' + S.pct(s.coveredShare, 2) + '</dd>';
    if (s.newlyCovered !== null) html += '<dt>' + S.escapeHtml(t('ws.newlyCovered')) + '</dt><dd>' + S.num(s.newlyCovered) + '</dd>';
    if (s.meanAccess !== null) html += '<dt>' + S.escapeHtml(t('ws.meanAccess')) + '</dt><dd>' + S.num(s.meanAccess, 1) + ' min</dd>';
    html += '</dl>';
    if (s.status === 'infeasible' && s.violated.length) html += '<p class="warn">' + S.escapeHtml(t('ws.infeasible')) + ': ' + S.escapeHtml(s.violated.join('; ')) + '</p>';
    $('summary').innerHTML = html;
  }

  // ------------------------------------------------------------------ ranking table
  function renderContribLegend() {
    $('contrib-legend').innerHTML = '<span class="note">' + S.escapeHtml(t('ws.barLegend')) + ':</span> ' + criteria.filter(function (c) { return state.params.weights[c.id] > 0; }).map(function (c) {
      return '<span class="chip"><span class="swatch" style="background:' + criterionColour[c.id] + '"></span>' + S.escapeHtml(c.label) + '</span>';
    }).join(' ');
  }

  function sortValue(it, key) {
    switch (key) {
      case 'name': return it.name;
      case 'district': return it.policeDistrict;
      case 'score': return -it.score;
      case 'eligible': return it.eligible ? 0 : 1;
      case 'proposed': return state.inSet && state.inSet[it.kommunenummer] ? state.inSet[it.kommunenummer] : 1000 + it.rank;
      default: return it.rank;
    }
  }

  function barHtml(it) {
    var r = state.ranking;
    var parts = criteria.filter(function (c) { return (it.contributions[c.id] || 0) > 0; });
    var title = criteria.filter(function (c) { return it.contributions[c.id]; }).map(function (c) { return c.label + ': ' + S.num(it.contributions[c.id], 1); }).join('; ');
    var inner;
    if (r.baseline === 0) {
      inner = parts.map(function (c) { return '<span style="width:' + Math.max(0, it.contributions[c.id]).toFixed(2) + '%;background:' + criterionColour[c.id] + '"></span>'; }).join('');
    } else {
      inner = '<span style="width:' + Math.max(0, it.score).toFixed(2) + '%;background:#2c7fb8"></span>';
    }
    return '<div class="bar" title="' + S.escapeHtml(title) + '">' + inner + '</div><span class="bar-num">' + S.num(it.score, 1) + '</span>';
  }

  function renderTable() {
    if (!state.ranking) return;
    renderContribLegend();
    var filter = $('ranking-filter').value.trim().toLowerCase();
    var onlyEligible = $('only-eligible').checked;
    var key = state.sort.key; var dir = state.sort.dir;
    var items = state.ranking.items.filter(function (it) {
      if (onlyEligible && !it.eligible) return false;
      var p = state.props[it.kommunenummer];
      if (p && !inArea(p)) return false;
      return !filter || it.name.toLowerCase().indexOf(filter) >= 0 || it.policeDistrict.toLowerCase().indexOf(filter) >= 0 || it.kommunenummer.indexOf(filter) === 0;
    });
    items.sort(function (a, b) {
      var va = sortValue(a, key); var vb = sortValue(b, key);
      var c = typeof va === 'string' ? va.localeCompare(vb, 'nb') : va - vb;
      return (c || a.rank - b.rank) * dir;
    });
    var html = items.map(function (it) {
      var k = it.kommunenummer;
      var pos = state.inSet && state.inSet[k];
      var r = state.robust[k];
      var proposed = pos ? '<span class="pm ' + stabilityClass(k) + '" title="' + S.escapeHtml(t('ws.stability')) + '">' + pos + '</span> ' + (r ? S.pct(r.pInSet) : '…') : '';
      return '<tr data-k="' + k + '"' + (state.selected === k ? ' class="is-selected"' : '') + '>' +
        '<td class="num">' + it.rank + '</td>' +
        '<td><button type="button" class="row-btn" data-k="' + k + '">' + S.escapeHtml(it.name) + '</button></td>' +
        '<td>' + S.escapeHtml(it.policeDistrict) + '</td>' +
        '<td class="score">' + barHtml(it) + '</td>' +
        '<td class="center">' + (it.eligible ? '<span title="' + S.escapeHtml(t('ws.yes')) + '">✓</span>' : '<span class="muted" title="' + S.escapeHtml(it.reason ? page.ineligibleReasons[it.reason] : t('ws.no')) + '">–</span>') + '</td>' +
        '<td class="proposed">' + proposed + '</td></tr>';
    }).join('');
    // Keep keyboard focus on the same municipality when new figures redraw the table.
    var active = document.activeElement;
    var focusedK = active && active.classList && active.classList.contains('row-btn') ? active.dataset.k : null;
    document.querySelector('#ranking tbody').innerHTML = html;
    if (focusedK) {
      var again = document.querySelector('#ranking tbody .row-btn[data-k="' + focusedK + '"]');
      if (again) again.focus({ preventScroll: true });
    }
    $('ranking').dataset.rows = String(items.length);
    document.querySelectorAll('#ranking th').forEach(function (th) {
      var b = th.querySelector('button');
      if (b && b.dataset.sort === key) th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending'); else th.removeAttribute('aria-sort');
    });
  }

  document.querySelector('#ranking thead').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-sort]');
    if (!b) return;
    state.sort = { key: b.dataset.sort, dir: state.sort.key === b.dataset.sort ? -state.sort.dir : 1 };
    renderTable();
  });
  document.querySelector('#ranking tbody').addEventListener('click', function (e) {
    var row = e.target.closest('tr[data-k]');
    if (row) selectMunicipality(row.dataset.k, 'table');
  });
  document.querySelector('#ranking tbody').addEventListener('keydown', function (e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    var btn = e.target.closest('.row-btn');
    if (!btn) return;
    var row = btn.closest('tr');
    var next = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
    if (next) { e.preventDefault(); next.querySelector('.row-btn').focus(); selectMunicipality(next.dataset.k, 'table'); }
  });
  $('ranking-filter').addEventListener('input', renderTable);
  $('only-eligible').addEventListener('change', renderTable);

  // ------------------------------------------------------------------ controls
  $('weights-form').addEventListener('input', function (e) {
    if (e.target.type === 'range') $('wo-' + e.target.dataset.criterion).textContent = S.num(Number(e.target.value), e.target.value % 1 ? 1 : 0);
    schedule();
  });
  $('weights-form').addEventListener('change', schedule);
  $('weights-form').addEventListener('submit', function (e) { e.preventDefault(); });
  $('reset').addEventListener('click', function () {
    state.params = clone(page.scenario ? page.scenario.params : page.defaults);
    paramsToForm(state.params);
    schedule();
  });
  $('exact').addEventListener('click', function () {
    var btn = $('exact');
    btn.disabled = true;
    $('solve-status').textContent = t('ws.solving');
    var seq = state.seq;
    getJson('/api/selection', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: selectionBody(state.params, 'exact') })
      .then(function (sel) {
        if (seq !== state.seq) return;
        setSelection(sel);
        $('solve-status').textContent = t('ws.exactDone', { status: t('ws.status.' + sel.status), gap: sel.gap === null ? '–' : S.pct(sel.gap, 2), ms: S.num(sel.solveMs) });
        if (coverageOn()) loadCoverage();
      })
      .catch(function (err) { $('solve-status').textContent = failureText(err); })
      .then(function () { btn.disabled = false; });
  });

  $('indicator').addEventListener('change', recolour);
  $('area-filter').addEventListener('change', function (e) {
    state.area = e.target.value;
    if (muniLayer) {
      muniLayer.setStyle(style);
      var bounds = null;
      muniLayer.eachLayer(function (l) { if (inArea(l.feature.properties)) bounds = bounds ? bounds.extend(l.getBounds()) : L.latLngBounds(l.getBounds().getSouthWest(), l.getBounds().getNorthEast()); });
      if (bounds) map.fitBounds(bounds, fitOptions(10));
    }
    renderTable();
  });
  function runSearch() {
    var q = $('search').value.trim().toLowerCase();
    if (!q) return;
    var keys = Object.keys(state.props);
    var hit = keys.filter(function (k) { return state.props[k].name.toLowerCase() === q; })[0] ||
      keys.filter(function (k) { return state.props[k].name.toLowerCase().indexOf(q) === 0; })[0] ||
      keys.filter(function (k) { return state.props[k].name.toLowerCase().indexOf(q) >= 0; })[0];
    if (hit) selectMunicipality(hit, 'search');
  }
  $('search').addEventListener('change', runSearch);
  $('search').addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); runSearch(); } });

  // ------------------------------------------------------------------ scenarios
  function markDirty() { $('scenario-dirty').hidden = !isDirty(); }

  // Viewers and district leaders get no save controls (the server refuses their writes with 403 anyway).
  function saveStatus(text) { $('save-status').textContent = text; }
  function scenarioBody() {
    formToParams();
    return JSON.stringify({ name: $('scn-name').value.trim(), description: $('scn-desc').value, params: state.params });
  }
  function postJson(url, method, body) {
    return getJson(url, { method: method, headers: { 'Content-Type': 'application/json' }, body: body });
  }
  if ($('save-form')) $('save-form').addEventListener('submit', function (e) {
    e.preventDefault();
    postJson('/api/scenarios', 'POST', scenarioBody())
      .then(function (s) { window.location.href = '/scenarios/' + encodeURIComponent(s.id); })
      .catch(function (err) { saveStatus(failureText(err)); });
  });
  if ($('scn-update')) $('scn-update').addEventListener('click', function () {
    postJson('/api/scenarios/' + encodeURIComponent(page.scenario.id), 'PUT', scenarioBody())
      .then(function (s) { state.savedParams = JSON.stringify(state.params); markDirty(); $('scenario-name').textContent = s.name; saveStatus(t('scn.saved')); })
      .catch(function (err) { saveStatus(failureText(err)); });
  });
  if ($('scn-duplicate')) $('scn-duplicate').addEventListener('click', function () {
    postJson('/api/scenarios/' + encodeURIComponent(page.scenario.id) + '/duplicate', 'POST', '{}')
      .then(function (s) { window.location.href = '/scenarios/' + encodeURIComponent(s.id); })
      .catch(function (err) { saveStatus(failureText(err)); });
  });

  // ------------------------------------------------------------------ start
  paramsToForm(state.params);
  renderTray();
  var geo = getJson('/api/municipalities.geojson');
  var first = recompute();
  geo.then(function (fc) {
    drawMunicipalities(fc);
    return first;
  }).then(function () {
    recolour();
    renderTable();
    return Promise.all([getJson('/api/stations'), getJson('/api/workspace/sites')]);
  }).then(function (res) {
    drawStations(res[0]);
    res[1].sites.forEach(function (s) { state.sites[s.kommunenummer] = s; });
    renderProposed();
    renderLegend();
    $('map').dataset.ready = 'true';
  }).catch(function (err) {
    $('legend').textContent = t('ws.error') + ': ' + err.message;
  });
})();

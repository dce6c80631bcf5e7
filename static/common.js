/* Stedsvalg browser helpers shared by the workspace, profile and scenario pages: page data,
   texts, locale number formats, quantile classes and the colour scales. Exposes window.Stedsvalg. */
(function () {
  'use strict';
  var el = document.getElementById('page-data');
  var page = el ? JSON.parse(el.dataset.json) : { locale: 'nb', dictionary: {} };
  var dict = page.dictionary || {};
  var numberLocale = page.locale === 'en' ? 'en-GB' : 'nb-NO';
  var formatters = {};

  function t(key, vars) {
    var s = dict[key] !== undefined ? dict[key] : key;
    if (vars) Object.keys(vars).forEach(function (k) { s = s.split('{' + k + '}').join(String(vars[k])); });
    return s;
  }

  /** A number in the interface locale (1 234,5 in Norwegian); '–' when missing. */
  function num(value, digits) {
    if (value === null || value === undefined || !isFinite(value)) return '–';
    digits = digits || 0;
    var f = formatters[digits] || (formatters[digits] = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: digits, minimumFractionDigits: digits }));
    return f.format(value);
  }

  function pct(share, digits) {
    if (share === null || share === undefined || !isFinite(share)) return '–';
    return num(share * 100, digits === undefined ? 0 : digits) + ' %';
  }

  var indicatorDigits = { population: 0, densityPerKm2: 1, crimePer1000: 1, violencePer1000: 1, crimeTrendPer1000: 2,
    driveMinMean: 1, residentsBeyond45: 0, shareBeyond45: 1, nearestStationMin: 1, areaKm2: 0, score: 1, rank: 0 };

  /** An indicator value formatted for display (shares as percent). */
  function indicator(value, key) {
    if (key === 'shareBeyond45') return pct(value, 1);
    return num(value, indicatorDigits[key] || 0);
  }

  function escapeHtml(s) {
    return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** Quantile class breaks: upper bounds per class, de-duplicated so ties share one class. */
  function quantileBreaks(values, classes) {
    var sorted = values.filter(function (v) { return v !== null && v !== undefined && isFinite(v); }).sort(function (a, b) { return a - b; });
    var uppers = [];
    for (var i = 1; i <= classes && sorted.length; i++) {
      var v = sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / classes) - 1)];
      if (uppers.length === 0 || v > uppers[uppers.length - 1]) uppers.push(v);
    }
    return { uppers: uppers, min: sorted.length ? sorted[0] : 0 };
  }

  function classOf(value, uppers) {
    if (value === null || value === undefined || !isFinite(value)) return -1;
    for (var i = 0; i < uppers.length; i++) if (value <= uppers[i]) return i;
    return uppers.length - 1;
  }

  // ColorBrewer YlGnBu (5 classes): sequential, safe for the common colour-vision deficiencies.
  var palette = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
  var missingColour = '#bdbdbd';
  // Okabe & Ito (2008) qualitative palette for criteria (distinguishable with colour-vision deficiencies).
  var criterionColours = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#7f3b08'];

  /** Colour of class `cls` of `n`, spread over the palette; reversed when `reverse` (e.g. rank 1 darkest). */
  function colourOf(cls, n, reverse) {
    if (cls < 0) return missingColour;
    var idx = n <= 1 ? palette.length - 1 : Math.round((cls * (palette.length - 1)) / (n - 1));
    return palette[reverse ? palette.length - 1 - idx : idx];
  }

  window.Stedsvalg = {
    page: page, t: t, num: num, pct: pct, indicator: indicator, escapeHtml: escapeHtml,
    quantileBreaks: quantileBreaks, classOf: classOf, colourOf: colourOf, palette: palette, missingColour: missingColour,
    criterionColours: criterionColours,
  };
})();

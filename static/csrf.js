/* Adds the session's CSRF token (from <meta name="csrf-token">) to every same-origin request
   that changes something, so the page's fetch calls pass the server's CSRF check. */
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="csrf-token"]');
  var token = meta ? meta.getAttribute('content') : '';
  if (!token || !window.fetch) return;
  var original = window.fetch;
  window.fetch = function (input, init) {
    var opts = init ? Object.assign({}, init) : {};
    var method = (opts.method || (input && input.method) || 'GET').toUpperCase();
    var url = typeof input === 'string' ? input : input && input.url;
    var sameOrigin = !/^https?:\/\//i.test(url) || url.indexOf(window.location.origin + '/') === 0;
    if (sameOrigin && method !== 'GET' && method !== 'HEAD') {
      var headers = new Headers(opts.headers || (input && input.headers) || {});
      headers.set('X-CSRF-Token', token);
      opts.headers = headers;
    }
    return original.call(this, input, opts);
  };
})();

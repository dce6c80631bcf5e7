/* Scenario list: duplicate and delete through the scenario API, then reload. */
(function () {
  'use strict';
  var S = window.Stedsvalg;
  var list = document.getElementById('scenario-list');
  if (!list) return;
  var status = document.getElementById('list-status');
  function call(url, method) {
    return fetch(url, { method: method, headers: { 'Content-Type': 'application/json' }, body: method === 'POST' ? '{}' : undefined }).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return null; }).then(function (b) {
          var message = b && b.error ? b.error.message : r.status + ' ' + r.statusText;
          throw new Error(r.status === 401 ? S.t('scn.signedOut') : r.status === 403 ? S.t('scn.forbidden') + ' (' + message + ')' : S.t('ws.error') + ': ' + message);
        });
      }
      return r.status === 204 ? null : r.json();
    });
  }
  function fail(err) { status.textContent = err.message; }
  list.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-action]');
    if (!b) return;
    var url = '/api/scenarios/' + encodeURIComponent(b.dataset.id);
    if (b.dataset.action === 'duplicate') {
      call(url + '/duplicate', 'POST').then(function () { window.location.reload(); }).catch(fail);
    } else if (b.dataset.action === 'delete' && window.confirm(S.t('scn.confirmDelete', { name: b.dataset.name }))) {
      call(url, 'DELETE').then(function () { window.location.reload(); }).catch(fail);
    }
  });
})();

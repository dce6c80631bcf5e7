/* Scenario list: duplicate and delete through the scenario API, then reload. */
(function () {
  'use strict';
  var S = window.Stedsvalg;
  var list = document.getElementById('scenario-list');
  if (!list) return;
  var status = document.getElementById('list-status');
  function call(url, method) {
    return fetch(url, { method: method, headers: { 'Content-Type': 'application/json' }, body: method === 'POST' ? '{}' : undefined }).then(function (r) {
      if (!r.ok) return r.json().then(function (b) { throw new Error(b.error ? b.error.message : String(r.status)); });
      return r.status === 204 ? null : r.json();
    });
  }
  list.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-action]');
    if (!b) return;
    var url = '/api/scenarios/' + encodeURIComponent(b.dataset.id);
    if (b.dataset.action === 'duplicate') {
      call(url + '/duplicate', 'POST').then(function () { window.location.reload(); }).catch(function (err) { status.textContent = S.t('ws.error') + ': ' + err.message; });
    } else if (b.dataset.action === 'delete' && window.confirm(S.t('scn.confirmDelete', { name: b.dataset.name }))) {
      call(url, 'DELETE').then(function () { window.location.reload(); }).catch(function (err) { status.textContent = S.t('ws.error') + ': ' + err.message; });
    }
  });
})();

// Shortlist and review pages: remember the typed name for the "by"/"assessor" fields, confirm
// deletion, and submit the shortlist picker on change. Progressive enhancement: forms work without it.
(function () {
  'use strict';
  var KEY = 'stedsvalg.name';
  var saved = '';
  try { saved = window.localStorage.getItem(KEY) || ''; } catch (e) { saved = ''; }
  document.querySelectorAll('input.sl-by, input[name=by], input[name=assessor]').forEach(function (input) {
    if (!input.value && saved) input.value = saved;
    input.addEventListener('change', function () {
      try { window.localStorage.setItem(KEY, input.value.trim()); } catch (e) { /* private mode */ }
    });
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (ev) {
      if (!window.confirm(form.getAttribute('data-confirm'))) ev.preventDefault();
    });
  });
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
})();

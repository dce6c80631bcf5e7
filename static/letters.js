/* Letter page: clicking an evidence sentence (or focusing a coding field) marks its sentences in the letter
   and scrolls to the first. DOM building only, no HTML strings. */
(function () {
  'use strict';
  var body = document.getElementById('letter-body');
  if (!body) return;
  var marks = Array.prototype.slice.call(body.querySelectorAll('mark.ev'));

  function activate(field, start) {
    var first = null;
    marks.forEach(function (m) {
      var fields = (m.getAttribute('data-fields') || '').split(' ');
      var on = start !== undefined && start !== null ? m.getAttribute('data-start') === String(start) : fields.indexOf(field) >= 0;
      m.classList.toggle('active', on);
      if (on && !first) first = m;
    });
    if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  document.addEventListener('click', function (ev) {
    var target = ev.target;
    if (!(target instanceof Element)) return;
    var link = target.closest('.ev-link');
    if (link) {
      ev.preventDefault();
      activate(link.getAttribute('data-field'), link.getAttribute('data-start'));
      return;
    }
    var mark = target.closest('mark.ev');
    if (mark) {
      var fields = (mark.getAttribute('data-fields') || '').split(' ');
      var block = document.querySelector('[data-field-block="' + fields[0] + '"]');
      if (block) block.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  });

  var form = document.getElementById('coding-form');
  if (form) {
    form.addEventListener('focusin', function (ev) {
      var t = ev.target;
      if (!(t instanceof Element)) return;
      var holder = t.closest('[data-field]') || t.closest('[data-field-block]');
      if (!holder) return;
      var field = holder.getAttribute('data-field') || holder.getAttribute('data-field-block');
      activate(field, null);
    });
  }
})();

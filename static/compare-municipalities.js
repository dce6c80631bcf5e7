/* Municipality comparison picker: joins the chosen slots into ?k=0301,5601 before submitting. */
(function () {
  'use strict';
  var form = document.getElementById('muni-pick');
  if (!form) return;
  form.addEventListener('submit', function () {
    var picked = [];
    form.querySelectorAll('select[data-slot]').forEach(function (s) {
      if (s.value && picked.indexOf(s.value) < 0) picked.push(s.value);
      s.disabled = true;
    });
    document.getElementById('k-field').value = picked.join(',');
  });
})();

/* Import page: refuses a file over the size limit before uploading it (the server checks too). */
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form) return;
  var input = document.getElementById('file');
  var note = document.getElementById('file-note');
  var maxBytes = Number(form.dataset.maxBytes);
  function check() {
    var file = input.files && input.files[0];
    var tooLarge = !!file && file.size > maxBytes;
    input.setCustomValidity(tooLarge ? form.dataset.tooLarge : '');
    if (tooLarge) note.textContent = form.dataset.tooLarge;
    return !tooLarge;
  }
  input.addEventListener('change', check);
  form.addEventListener('submit', function (e) {
    if (!check()) { e.preventDefault(); input.reportValidity(); }
  });
})();

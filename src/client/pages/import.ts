/** Entry of the import page (`/import`): refuses a file over the size limit before uploading it (the server checks too). Built to /static/import.js. */
import { byId } from '../core/dom';

function guardFileSize(form: HTMLFormElement): void {
  const input = byId('file', HTMLInputElement);
  const note = byId('file-note', HTMLElement);
  const maxBytes = Number(form.dataset.maxBytes);
  const tooLargeText = form.dataset.tooLarge ?? '';
  const check = (): boolean => {
    const file = input.files?.[0];
    const tooLarge = !!file && file.size > maxBytes;
    input.setCustomValidity(tooLarge ? tooLargeText : '');
    if (tooLarge) note.textContent = tooLargeText;
    return !tooLarge;
  };
  input.addEventListener('change', check);
  form.addEventListener('submit', (e) => {
    if (!check()) {
      e.preventDefault();
      input.reportValidity();
    }
  });
}

const form = document.getElementById('import-form');
if (form instanceof HTMLFormElement) guardFileSize(form);

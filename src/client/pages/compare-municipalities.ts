/** Entry of the municipality comparison picker: joins the chosen slots into `?kommunenummer=0301,5601` before submitting. Built to /static/compare-municipalities.js. */
import { byId } from '../core/dom';

const form = document.getElementById('muni-pick');
if (form instanceof HTMLFormElement) {
  form.addEventListener('submit', () => {
    const picked: string[] = [];
    form.querySelectorAll<HTMLSelectElement>('select[data-slot]').forEach((s) => {
      if (s.value && !picked.includes(s.value)) picked.push(s.value);
      // The slots are only for picking; the query carries `kommunenummer` alone.
      s.disabled = true;
    });
    byId('kommunenummer-field', HTMLInputElement).value = picked.join(',');
  });
}

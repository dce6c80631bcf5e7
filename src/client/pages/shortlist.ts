/**
 * Entry of the shortlist and review pages: confirms deletion, submits the shortlist picker on
 * change, and on the shortlist page marks changed rows, ticks all rows at once, and warns before
 * leaving with changes not saved (the whole list is one form with one save). Progressive
 * enhancement: the forms work without it. Built to /static/shortlist.js.
 */
document.querySelectorAll<HTMLFormElement>('form[data-confirm]').forEach((form) => {
  form.addEventListener('submit', (ev) => {
    if (!window.confirm(form.getAttribute('data-confirm') ?? '')) ev.preventDefault();
  });
});
document.querySelectorAll<HTMLSelectElement>('select[data-autosubmit]').forEach((select) => {
  select.addEventListener('change', () => select.form?.submit());
});

const listForm = document.querySelector<HTMLFormElement>('#sl-edit-form');
if (listForm) {
  let dirty = false;
  let submitting = false;
  const mark = document.getElementById('sl-unsaved');
  listForm.addEventListener('input', (e) => {
    const field = e.target;
    if (!(field instanceof HTMLElement) || field.classList.contains('sl-pick') || field.id === 'sl-pick-all' || field.id === 'sl-bulk-status') return;
    dirty = true;
    field.closest('tr')?.classList.add('is-changed');
    if (mark) mark.hidden = false;
  });
  listForm.addEventListener('submit', () => {
    submitting = true;
  });
  document.getElementById('sl-pick-all')?.addEventListener('change', (e) => {
    const on = (e.target as HTMLInputElement).checked;
    listForm.querySelectorAll<HTMLInputElement>('input.sl-pick').forEach((box) => {
      box.checked = on;
    });
  });
  window.addEventListener('beforeunload', (e) => {
    if (!dirty || submitting) return;
    e.preventDefault();
    e.returnValue = listForm.dataset.unsaved ?? '';
  });
}

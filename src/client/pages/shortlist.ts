/**
 * Entry of the shortlist and review pages: confirms deletion, and submits the shortlist picker on
 * change. Progressive enhancement: the forms work without it. Built to /static/shortlist.js.
 */
document.querySelectorAll<HTMLFormElement>('form[data-confirm]').forEach((form) => {
  form.addEventListener('submit', (ev) => {
    if (!window.confirm(form.getAttribute('data-confirm') ?? '')) ev.preventDefault();
  });
});
document.querySelectorAll<HTMLSelectElement>('select[data-autosubmit]').forEach((select) => {
  select.addEventListener('change', () => select.form?.submit());
});

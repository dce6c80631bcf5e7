/**
 * Letter pages (`/letters`, `/letters/:id`): clicking an evidence sentence (or focusing a coding
 * field) marks its sentences in the letter and scrolls to the first; clicking a marked sentence
 * scrolls to the coding field it supports. DOM attributes and classes only, no HTML strings.
 */

function activate(marks: readonly HTMLElement[], field: string | null, start: string | null): void {
  let first: HTMLElement | null = null;
  for (const m of marks) {
    const fields = (m.getAttribute('data-fields') ?? '').split(' ');
    const on = start !== null ? m.getAttribute('data-start') === start : field !== null && fields.includes(field);
    m.classList.toggle('active', on);
    if (on && !first) first = m;
  }
  first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function wireEvidence(marks: readonly HTMLElement[]): void {
  document.addEventListener('click', (ev) => {
    const target = ev.target;
    if (!(target instanceof Element)) return;
    const link = target.closest('.ev-link');
    if (link) {
      ev.preventDefault();
      activate(marks, link.getAttribute('data-field'), link.getAttribute('data-start'));
      return;
    }
    const mark = target.closest('mark.ev');
    if (!mark) return;
    const field = (mark.getAttribute('data-fields') ?? '').split(' ')[0];
    const block = Array.from(document.querySelectorAll<HTMLElement>('[data-field-block]')).find((b) => b.getAttribute('data-field-block') === field);
    block?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  });
}

function wireCodingForm(marks: readonly HTMLElement[]): void {
  const form = document.getElementById('coding-form');
  form?.addEventListener('focusin', (ev) => {
    const t = ev.target;
    if (!(t instanceof Element)) return;
    const holder = t.closest('[data-field]') ?? t.closest('[data-field-block]');
    if (!holder) return;
    activate(marks, holder.getAttribute('data-field') ?? holder.getAttribute('data-field-block'), null);
  });
}

const body = document.getElementById('letter-body');
if (body) {
  const marks = Array.from(body.querySelectorAll<HTMLElement>('mark.ev'));
  wireEvidence(marks);
  wireCodingForm(marks);
}

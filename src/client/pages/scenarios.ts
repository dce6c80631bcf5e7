/** Entry of the scenario list (`/scenarios`): duplicate and delete through the scenario API, then reload. Built to /static/scenarios.js. */
import { failureText, sendJson } from '../core/api';
import { closestFrom } from '../core/dom';
import { translator } from '../core/i18n';
import { readPageData } from '../core/page-data';
import type { BasePageData } from '../page-types';

function wireScenarioList(list: HTMLElement, page: BasePageData): void {
  const t = translator(page.dictionary);
  const status = document.getElementById('list-status');
  const fail = (err: unknown): void => {
    if (status) status.textContent = failureText(err, t);
  };
  list.addEventListener('click', (e) => {
    const b = closestFrom(e.target, 'button[data-action]');
    if (!b?.dataset.id) return;
    const url = `/api/scenarios/${encodeURIComponent(b.dataset.id)}`;
    if (b.dataset.action === 'duplicate') {
      sendJson(`${url}/duplicate`, 'POST', {}).then(() => window.location.reload()).catch(fail);
    } else if (b.dataset.action === 'delete' && window.confirm(t('scn.confirmDelete', { name: b.dataset.name ?? '' }))) {
      sendJson(url, 'DELETE').then(() => window.location.reload()).catch(fail);
    }
  });
}

const list = document.getElementById('scenario-list');
const page = readPageData<BasePageData>();
if (list && page) wireScenarioList(list, page);

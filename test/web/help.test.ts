import fs from 'node:fs';
import path from 'node:path';
import { t } from '../../src/common/i18n';
import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';

const { db, app } = testApp();

describe('the help page describes the workspace as it is', () => {
  it('When the help page explains greedy and exact selection, then it names no «Optimer eksakt» button but the status line the workspace really shows', async () => {
    // The workspace has no button for the exact proposal: it computes it after each change and says so in its status line.
    const client = fs.readFileSync(path.join(__dirname, '../../src/client/workspace/workspace.ts'), 'utf8');
    expect(client).toContain("this.t('ws.solving')");
    const viewer = await agentAs(app, db, 'viewer');
    const nb = await viewer.get('/help?lang=nb').expect(200);
    expect(nb.text).not.toContain('«Optimer eksakt»');
    expect(nb.text).toContain(`«${t('nb', 'ws.solving')}»`);
    expect(nb.text).toContain('Det finnes ingen egen knapp for det.');
    const en = await viewer.get('/help?lang=en').expect(200);
    expect(en.text).not.toContain('“Optimise exactly”');
    expect(en.text).toContain(`“${t('en', 'ws.solving')}”`);
  });

  it('When the glossary explains the travel model and stability, then it uses the workspace\'s own names: «Reisetidsmodell» and «I settet: vekter / reisetid / begge»', () => {
    for (const locale of ['nb', 'en'] as const) {
      expect(t(locale, 'help.travel.term')).toBe(t(locale, 'prop.travelModel'));
      expect(t(locale, 'help.stability.text')).toContain(t(locale, 'prop.col.stability'));
    }
  });

  it('When the help explains the travel model, then it names the pages whose footer shows the model, and those pages show it while others do not', async () => {
    const viewer = await agentAs(app, db, 'viewer');
    const nb = (await viewer.get('/help?lang=nb').expect(200)).text;
    const en = (await viewer.get('/help?lang=en').expect(200)).text;

    expect(nb).not.toContain('bunnteksten på hver side');
    expect(nb).toContain('bunnteksten på kartet (arbeidsflaten), på kommuneprofilene og på sidene som sammenligner scenarier eller kommuner');
    expect(en).not.toContain('footer of every page');
    expect(en).toContain('footer of the map (the workspace), of the municipality profiles and of the pages that compare scenarios or municipalities');
    const planner = await agentAs(app, db, 'planner');
    const ids = await Promise.all(['A', 'B'].map(async (name) => ((await planner.post('/api/scenarios').send({ name, params: { k: 20 } }).expect(201)).body as { id: string }).id));
    for (const url of ['/', '/municipalities/0301', `/compare?a=${ids[0]}&b=${ids[1]}`, '/compare/municipalities?kommunenummer=0301,4601']) {
      expect({ url, footer: (await viewer.get(url).expect(200)).text.includes('id="footer-travel-model"') }).toEqual({ url, footer: true });
    }
    for (const url of ['/help', '/sources']) {
      expect({ url, footer: (await viewer.get(url).expect(200)).text.includes('id="footer-travel-model"') }).toEqual({ url, footer: false });
    }
  });
});

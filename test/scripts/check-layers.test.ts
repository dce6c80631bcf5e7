import { checkLayers, collectEdges, folderCycles, importSpecifiers, ruleBroken, type Edge } from '../../scripts/check-layers';

const edge = (from: string, to: string): Edge => ({ from, to, file: `src/${from}/x.ts`, specifier: `../${to}/y` });

describe('the folder-level architecture check', () => {
  it('When src/ is checked as it is, then there is no folder cycle and every import keeps the layers', () => {
    expect(checkLayers()).toEqual([]);
  });

  it('When two folders import each other, directly or around a ring, then each ring is reported once', () => {
    expect(folderCycles([edge('db', 'planning'), edge('planning', 'db')])).toEqual([['db', 'planning']]);
    expect(folderCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(folderCycles([edge('web', 'db'), edge('cli', 'db')])).toEqual([]);
  });

  it('When the engine, geo or common import another folder, then the import is refused', () => {
    expect(ruleBroken(edge('engine', 'geo'))).toMatch(/engine imports nothing outside itself/);
    expect(ruleBroken(edge('geo', 'common'))).toMatch(/geo imports nothing outside itself/);
    expect(ruleBroken(edge('common', 'model'))).toMatch(/common imports nothing outside itself/);
  });

  it('When a lower layer imports a higher one, or two shells import each other, then the import is refused; use cases may import each other', () => {
    expect(ruleBroken(edge('db', 'planning'))).toMatch(/may not import planning/);
    expect(ruleBroken(edge('auth', 'web'))).toMatch(/may not import web/);
    expect(ruleBroken(edge('cli', 'web'))).toMatch(/same layer/);
    expect(ruleBroken(edge('export', 'shortlist'))).toBeNull();
    expect(ruleBroken(edge('web', 'db'))).toBeNull();
    expect(ruleBroken(edge('client', 'planning'))).toMatch(/browser code/);
    expect(ruleBroken(edge('newfolder', 'db'))).toMatch(/in no layer/);
  });

  it('When a file imports in any of the forms TypeScript allows, then each specifier is found, and commented-out imports are not', () => {
    const text = [
      "import a from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export * from './d';",
      "import './e';",
      "const f = await import('./f');",
      "const g = require('./g');",
      "import {\n  h,\n  i,\n} from './hi';",
      "// import x from './commented';",
      "/* import y from './block'; */",
    ].join('\n');
    expect(importSpecifiers(text).sort()).toEqual(['../b', './a', './c', './d', './e', './f', './g', './hi']);
  });

  it('When the imports of src/ are collected, then the engine and geo have none outside themselves', () => {
    const out = collectEdges().filter((e) => e.from === 'engine' || e.from === 'geo');
    expect(out).toEqual([]);
  });
});

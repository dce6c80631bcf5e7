import { kommunenummer } from '../../src/common/kommunenummer';
import { defaultScenarioParams, scenarioFromQuery, type ScenarioParams } from '../../src/model/scenario';
import { DEFAULT_VIEW, workspaceFromQuery, workspaceQuery, type WorkspaceUrlState } from '../../src/client/workspace/url-state';
import { UNDO_LIMIT, UndoStack } from '../../src/client/workspace/undo';

/** A saved scenario with rules of every kind (the base an open scenario starts from). */
const saved: ScenarioParams = {
  ...defaultScenarioParams,
  weights: { ...defaultScenarioParams.weights, crimeRate: 7.5 },
  objective: 'blend',
  blendAlpha: 0.25,
  districtMin: { Finnmark: 2 },
  districtMax: { Oslo: 1 },
  include: [kommunenummer('5601')],
  exclude: [kommunenummer('1804')],
};

describe('workspace state in the address bar', () => {
  it('When nothing differs from the base, then the query is empty and reads back as the base with the default view', () => {
    const q = workspaceQuery({ params: saved, view: DEFAULT_VIEW }, saved);
    expect(q).toBe('');
    expect(workspaceFromQuery(q, saved)).toEqual({ params: saved, view: DEFAULT_VIEW });
  });

  it('When weights, rules, objective and every view field change, then the query restores all of them over the defaults', () => {
    const state: WorkspaceUrlState = {
      params: { ...saved, k: 12, minutes: 60, wishGate: false, include: [kommunenummer('0301'), kommunenummer('5601')] },
      view: { area: 'd:Møre og Romsdal', colour: 'crimePer1000', filter: 'Å & ø?', onlyEligible: true },
    };
    expect(workspaceFromQuery(workspaceQuery(state, defaultScenarioParams), defaultScenarioParams)).toEqual(state);
  });

  it('When the planner empties rules the saved scenario has, then reading over the saved scenario keeps them empty', () => {
    const cleared: ScenarioParams = { ...saved, districtMin: {}, districtMax: {}, include: [], exclude: [] };
    const q = workspaceQuery({ params: cleared, view: DEFAULT_VIEW }, saved);
    expect(workspaceFromQuery(q, saved).params).toEqual(cleared);
  });

  it('When only the view changes, then the scenario is not written and the server would read the defaults', () => {
    const q = workspaceQuery({ params: defaultScenarioParams, view: { ...DEFAULT_VIEW, area: 'c:Troms' } }, defaultScenarioParams);
    expect(q).toBe('area=c%3ATroms');
    expect(scenarioFromQuery(Object.fromEntries(new URLSearchParams(q)))).toEqual(defaultScenarioParams);
  });

  it('When the server reads the address the browser writes, then it gets the same scenario', () => {
    const params: ScenarioParams = { ...saved, k: 9, districtMin: {}, include: [] };
    const q = workspaceQuery({ params, view: DEFAULT_VIEW }, saved);
    expect(scenarioFromQuery(Object.fromEntries(new URLSearchParams(q)))).toEqual(params);
  });

  it('When a shared address has a very long view text, then it is cut to 120 characters', () => {
    const read = workspaceFromQuery(`filter=${'x'.repeat(500)}`, defaultScenarioParams);
    expect(read.view.filter).toHaveLength(120);
  });
});

describe('undo and redo of weight changes', () => {
  it('When two changes are undone and one redone, then the states come back in order', () => {
    const stack = new UndoStack({ w: 1 });
    stack.record({ w: 2 });
    stack.record({ w: 3 });
    expect(stack.undo()).toEqual({ w: 2 });
    expect(stack.undo()).toEqual({ w: 1 });
    expect(stack.canUndo).toBe(false);
    expect(stack.undo()).toBeUndefined();
    expect(stack.redo()).toEqual({ w: 2 });
    expect(stack.present).toEqual({ w: 2 });
  });

  it('When a new change is made after an undo, then what was undone can no longer be redone', () => {
    const stack = new UndoStack({ w: 1 });
    stack.record({ w: 2 });
    stack.undo();
    stack.record({ w: 5 });
    expect(stack.canRedo).toBe(false);
    expect(stack.undo()).toEqual({ w: 1 });
  });

  it('When the same state is recorded twice, then it is one step', () => {
    const stack = new UndoStack({ w: 1 });
    stack.record({ w: 2 });
    stack.record({ w: 2 });
    expect(stack.undo()).toEqual({ w: 1 });
    expect(stack.canUndo).toBe(false);
  });

  it('When more changes are made than the limit, then the oldest drop out', () => {
    const stack = new UndoStack(0);
    for (let i = 1; i <= UNDO_LIMIT + 10; i++) stack.record(i);
    let steps = 0;
    while (stack.undo() !== undefined) steps++;
    expect(steps).toBe(UNDO_LIMIT);
    expect(stack.present).toBe(10);
  });
});

/**
 * Undo and redo of the planner's changes to the scenario: a list of past states and a list of
 * undone ones. Each recorded state is a snapshot (the caller passes copies). Pure.
 */

/** At most this many past states are kept (the oldest drop out). */
export const UNDO_LIMIT = 100;

export class UndoStack<T> {
  private readonly past: T[] = [];
  private readonly undone: T[] = [];

  /** @param current the state the page starts from */
  constructor(private current: T, private readonly same: (a: T, b: T) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b)) {}

  /** The present state. */
  get present(): T {
    return this.current;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Records a new present state (ignored when equal to the present); clears what was undone. */
  record(next: T): void {
    if (this.same(next, this.current)) return;
    this.past.push(this.current);
    if (this.past.length > UNDO_LIMIT) this.past.shift();
    this.undone.length = 0;
    this.current = next;
  }

  /** Steps back; returns the state to show, or `undefined` when there is nothing to undo. */
  undo(): T | undefined {
    const prev = this.past.pop();
    if (prev === undefined) return undefined;
    this.undone.push(this.current);
    this.current = prev;
    return prev;
  }

  /** Steps forward again; `undefined` when nothing was undone. */
  redo(): T | undefined {
    const next = this.undone.pop();
    if (next === undefined) return undefined;
    this.past.push(this.current);
    this.current = next;
    return next;
  }

  /** Replaces the present without recording (e.g. when Back in the browser restores a state). */
  reset(present: T): void {
    this.current = present;
  }
}

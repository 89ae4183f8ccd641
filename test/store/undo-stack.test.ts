import { describe, expect, it } from 'vitest';
import { undoTops, type StackEntry } from '../../src/store/undo-stack.js';

const edit = (id: number, undoable = true): StackEntry => ({ id, kind: 'edit', target: null, undoable });
const undo = (id: number, target: number): StackEntry => ({ id, kind: 'undo', target, undoable: true });
const redo = (id: number, target: number): StackEntry => ({ id, kind: 'redo', target, undoable: true });

describe('undoTops', () => {
  it('undoes the latest edits first, redoes in reverse, and a new edit clears redo', () => {
    expect(undoTops([])).toEqual({ undo: null, redo: null });
    expect(undoTops([edit(1), edit(2)])).toEqual({ undo: 2, redo: null });
    expect(undoTops([edit(1), edit(2), undo(3, 2)])).toEqual({ undo: 1, redo: 2 });
    expect(undoTops([edit(1), edit(2), undo(3, 2), undo(4, 1)])).toEqual({ undo: null, redo: 1 });
    expect(undoTops([edit(1), edit(2), undo(3, 2), undo(4, 1), redo(5, 1)])).toEqual({ undo: 1, redo: 2 });
    expect(undoTops([edit(1), edit(2), undo(3, 2), edit(4)])).toEqual({ undo: 4, redo: null });
  });

  it('skips changes that cannot be undone (adding documents) without clearing the stacks', () => {
    expect(undoTops([edit(1), edit(2, false)])).toEqual({ undo: 1, redo: null });
    expect(undoTops([edit(1), undo(2, 1), edit(3, false)])).toEqual({ undo: null, redo: 1 });
  });
});

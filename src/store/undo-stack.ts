/** A change as the undo stack sees it. */
export interface StackEntry {
  id: number;
  kind: 'edit' | 'undo' | 'redo';
  target: number | null;
  /** False for changes that cannot be undone (adding documents, importing). */
  undoable: boolean;
}

/**
 * An actor's undo and redo stacks from their changes in order: an undoable edit is pushed on
 * the undo stack and clears the redo stack; an undo moves its target to the redo stack, a redo
 * moves it back. Returns the top of each (the change Ctrl+Z and Ctrl+Shift+Z would act on).
 * @example undoTops([{ id: 1, kind: 'edit', target: null, undoable: true }]) // { undo: 1, redo: null }
 */
export function undoTops(changes: readonly StackEntry[]): { undo: number | null; redo: number | null } {
  const done: number[] = [];
  let undone: number[] = [];
  for (const c of changes) {
    if (c.kind === 'edit') {
      if (!c.undoable) continue;
      done.push(c.id);
      undone = [];
    } else if (c.kind === 'undo' && c.target !== null) {
      remove(done, c.target);
      undone.push(c.target);
    } else if (c.kind === 'redo' && c.target !== null) {
      remove(undone, c.target);
      done.push(c.target);
    }
  }
  return { undo: done.at(-1) ?? null, redo: undone.at(-1) ?? null };
}

function remove(list: number[], id: number): void {
  const i = list.lastIndexOf(id);
  if (i !== -1) list.splice(i, 1);
}

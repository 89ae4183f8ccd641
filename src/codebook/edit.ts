import { emptyRules, parentId, type Code, type Codebook } from '../model/codebook.js';
import { message, QdaError } from '../model/message.js';

// Edits of a codebook as pure functions: each returns a new codebook (parents still before
// children) and, when ids change, the map from old ids to new ones so codings can follow.

/** What may be set on a code by hand. */
export interface CodePatch {
  labels?: Record<string, string>;
  definition?: string;
  include?: string;
  exclude?: string;
  examples?: string[];
  color?: string;
}

/** A codebook after an edit that renamed codes, with the renames (old id → new id). */
export interface RenamedCodebook {
  codebook: Codebook;
  renamed: Map<string, string>;
}

const ID = /^[^/\s][^/]*(\/[^/\s][^/]*)*$/;

function refuse(reason: string, ruleId: string): never {
  throw new QdaError([message(reason, { file: 'codebook', ruleId, source: 'codebook', fatal: true })]);
}

function checkId(id: string): void {
  if (!ID.test(id) || id.length > 200)
    refuse(`"${id}" is not a code id: use words separated by "/" for levels, e.g. "stage/assessment"`, 'code-id');
}

function find(codebook: Codebook, id: string): Code {
  return codebook.codes.find((c) => c.id === id) ?? refuse(`there is no code "${id}" in the codebook`, 'unknown-code');
}

/** Parents before children, siblings in their previous order. */
function ordered(codes: Code[]): Code[] {
  const out: Code[] = [];
  const byParent = new Map<string | null, Code[]>();
  for (const c of codes) byParent.set(c.parent, [...(byParent.get(c.parent) ?? []), c]);
  const visit = (parent: string | null) => {
    for (const c of byParent.get(parent) ?? []) {
      out.push(c);
      visit(c.id);
    }
  };
  visit(null);
  return out;
}

/**
 * Add a code; its parent must exist. Throws a QdaError when the id is taken or malformed.
 * @example addCode(cb, 'stage/new', { labels: { en: 'new stage' } })
 */
export function addCode(codebook: Codebook, id: string, patch: CodePatch = {}): Codebook {
  checkId(id);
  if (codebook.codes.some((c) => c.id === id)) refuse(`a code "${id}" already exists`, 'code-exists');
  const parent = parentId(id);
  if (parent !== null) find(codebook, parent);
  const code: Code = {
    id,
    parent,
    labels: patch.labels ?? { [codebook.language]: id.slice(id.lastIndexOf('/') + 1) },
    examples: [],
    rules: emptyRules(),
  };
  return { ...codebook, codes: ordered([...codebook.codes, { ...code, ...withoutUndefined(patch) }]) };
}

/**
 * Change a code's labels, definition, criteria, examples or colour.
 * @example updateCode(cb, 'stage', { definition: 'Where the case is in the process' })
 */
export function updateCode(codebook: Codebook, id: string, patch: CodePatch): Codebook {
  find(codebook, id);
  return { ...codebook, codes: codebook.codes.map((c) => (c.id === id ? { ...c, ...withoutUndefined(patch) } : c)) };
}

/**
 * Give a code a new id — a new name, a new parent, or both — carrying its sub-codes along.
 * @example moveCode(cb, 'stage/assessment', 'process/assessment').renamed.get('stage/assessment') // 'process/assessment'
 */
export function moveCode(codebook: Codebook, id: string, newId: string): RenamedCodebook {
  find(codebook, id);
  checkId(newId);
  if (newId === id) return { codebook, renamed: new Map() };
  if (newId.startsWith(`${id}/`)) refuse(`"${id}" cannot move under itself`, 'code-cycle');
  if (codebook.codes.some((c) => c.id === newId)) refuse(`a code "${newId}" already exists`, 'code-exists');
  const parent = parentId(newId);
  if (parent !== null) find(codebook, parent);
  const renamed = new Map<string, string>();
  const stay: Code[] = [];
  const moved: Code[] = [];
  for (const c of codebook.codes) {
    if (c.id !== id && !c.id.startsWith(`${id}/`)) {
      stay.push(c);
      continue;
    }
    const next = newId + c.id.slice(id.length);
    renamed.set(c.id, next);
    moved.push({ ...c, id: next, parent: parentId(next) });
  }
  // Moved codes come after their new siblings.
  return { codebook: { ...codebook, codes: ordered([...stay, ...moved]) }, renamed };
}

/**
 * Merge code `from` into code `into`: `from` disappears, its sub-codes move under `into`, and
 * everything coded `from` is to be coded `into` (see `renamed`).
 * @example mergeCode(cb, 'help/family', 'help/relatives').renamed.get('help/family') // 'help/relatives'
 */
export function mergeCode(codebook: Codebook, from: string, into: string): RenamedCodebook {
  find(codebook, from);
  find(codebook, into);
  if (from === into) refuse('a code cannot be merged into itself', 'code-cycle');
  if (into.startsWith(`${from}/`)) refuse(`"${from}" cannot be merged into its own sub-code "${into}"`, 'code-cycle');
  const renamed = new Map<string, string>([[from, into]]);
  const taken = new Set(codebook.codes.map((c) => c.id));
  const codes: Code[] = [];
  const moved: Code[] = [];
  for (const c of codebook.codes) {
    if (c.id === from) continue;
    if (!c.id.startsWith(`${from}/`)) {
      codes.push(c);
      continue;
    }
    // A sub-code whose new id exists already merges into that code.
    const next = into + c.id.slice(from.length);
    renamed.set(c.id, next);
    if (taken.has(next)) continue;
    taken.add(next);
    moved.push({ ...c, id: next, parent: parentId(next) });
  }
  return { codebook: { ...codebook, codes: ordered([...codes, ...moved]) }, renamed };
}

function withoutUndefined(patch: CodePatch): CodePatch {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as CodePatch;
}

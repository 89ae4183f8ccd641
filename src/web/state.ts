// What every screen shares: the project, the codebook, the coder, and a bus that tells screens
// to refresh after a change (an edit, an undo, a redo).
import type { Code } from '../model/codebook.js';
import { get, setCoder, type ApiCodebook, type ApiProject } from './api.js';
import { language } from './i18n.js';
import type { TeamMember } from './team.js';

/** The app's shared state. */
export const app = {
  project: null as ApiProject | null,
  codebook: null as ApiCodebook | null,
  coder: localStorage.getItem('qda.coder') ?? '',
  /** Codes applied lately, newest first: the keys 1–9. */
  recent: JSON.parse(localStorage.getItem('qda.recent') ?? '[]') as string[],
  singleKeys: localStorage.getItem('qda.singleKeys') !== 'off',
  /** Team mode's signed-in member; null in single-user mode. */
  member: null as TeamMember | null,
};
setCoder(app.coder);

const refreshers = new Set<() => void>();

/** Be told when data changed (after an undo, say); returns a function that stops it. */
export function onRefresh(fn: () => void): () => void {
  refreshers.add(fn);
  return () => refreshers.delete(fn);
}

/** Reload the project and codebook, then tell every screen. */
export async function refresh(): Promise<void> {
  const member = app.member;
  const [project, codebook, me] = await Promise.all([
    get<ApiProject>('/api/project'),
    get<ApiCodebook>('/api/codebook'),
    member ? get<Pick<TeamMember, 'reveals'>>('/api/team/me') : null,
  ]);
  [app.project, app.codebook] = [project, codebook];
  // What the owner revealed may have changed since sign-in.
  if (member && me) member.reveals = me.reveals;
  for (const fn of refreshers) fn();
}

/** Choose who is coding (remembered in this browser). */
export function chooseCoder(name: string): void {
  app.coder = name;
  localStorage.setItem('qda.coder', name);
  setCoder(name);
}

/** Remember a code as just used (it moves to key 1). */
export function useCode(id: string): void {
  app.recent = [id, ...app.recent.filter((c) => c !== id)].slice(0, 9);
  localStorage.setItem('qda.recent', JSON.stringify(app.recent));
}

/** The nine codes at hand: the latest used, then the codebook's first codes. */
export function pinnedCodes(): Code[] {
  const codes = app.codebook?.codes ?? [];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = app.recent.map((id) => byId.get(id)).filter((c): c is Code => !!c);
  for (const c of codes) {
    if (out.length >= 9) break;
    if (!out.includes(c) && !codes.some((d) => d.parent === c.id)) out.push(c);
  }
  return out.slice(0, 9);
}

/** A code of the codebook by id. */
export function codeById(id: string): Code | undefined {
  return app.codebook?.codes.find((c) => c.id === id);
}

/** A code's label in the interface language (or the codebook's, or its id). */
export function codeLabel(id: string): string {
  const code = codeById(id);
  if (!code) return id;
  return code.labels[language()] ?? code.labels[app.codebook?.language ?? 'en'] ?? Object.values(code.labels)[0] ?? id;
}

// Colours that keep 4.5:1 contrast as text on white and stay apart for common colour blindness
// (Okabe–Ito and Tol's palettes, darkened where needed).
const PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#8a6d00',
  '#56418f',
  '#a3391f',
  '#1b7f8c',
  '#7a5195',
  '#4d7a1f',
  '#b0306a',
  '#5c5c5c',
];

/** A code's colour: its own from the codebook, else one of the palette by its top-level code. */
export function codeColor(id: string): string {
  const code = codeById(id);
  if (code?.color && /^#[0-9a-f]{6}$/i.test(code.color)) return code.color;
  const codes = app.codebook?.codes ?? [];
  const index = codes.findIndex((c) => c.id === id);
  return PALETTE[(index === -1 ? hash(id) : index) % PALETTE.length];
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}

// Team mode in the browser: who is signed in, the sign-in form, signing out. In single-user mode
// the server has no /api/team routes and none of this shows.
import { ApiError, get, send, setCsrf } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';

/** The signed-in member, or null in single-user mode. */
export interface TeamMember {
  name: string;
  role: 'owner' | 'coder' | 'viewer';
  csrf: string;
  /** What the owner has revealed: everything else of other coders stays hidden (blind coding). */
  reveals: { all: boolean; documents: string[] };
}

/** True while other coders' codings of this document are hidden from the member (blind coding). */
export function othersHidden(member: TeamMember | null, document?: string): boolean {
  if (!member || member.role === 'owner' || member.reveals.all) return false;
  return document === undefined || !member.reveals.documents.includes(document);
}

/** `signed-out` when the server is in team mode and this browser has no session. */
export async function teamMember(): Promise<TeamMember | null | 'signed-out'> {
  try {
    const me = await get<TeamMember>('/api/team/me');
    setCsrf(me.csrf);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return 'signed-out';
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** The sign-in form; the page reloads once signed in. */
export function showSignIn(root: HTMLElement): void {
  const name = h('input', { type: 'text', required: true, autocomplete: 'username', autocapitalize: 'none', spellcheck: false });
  const password = h('input', { type: 'password', required: true, autocomplete: 'current-password' });
  const message = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    {
      class: 'sign-in',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        try {
          await send('POST', '/api/team/login', { name: name.value.trim().toLowerCase(), password: password.value });
          location.reload();
        } catch (err) {
          message.textContent = (err as Error).message;
          password.value = '';
          password.focus();
        }
      },
    },
    h('h1', {}, t('signIn')),
    h('label', {}, t('accountName'), name),
    h('label', {}, t('password'), password),
    message,
    h('button', { type: 'submit', class: 'primary' }, t('signIn')),
  );
  replace(root, form);
  name.focus();
}

/** Sign out this browser, or every browser of the account. */
export async function signOut(everywhere: boolean): Promise<void> {
  await send('POST', everywhere ? '/api/team/logout-everywhere' : '/api/team/logout');
  // To the address without a screen: a full load (the sign-in form), with no screen of the
  // signed-out session asking the server for anything first.
  location.assign(location.pathname);
}

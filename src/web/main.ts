// The workbench's shell: the bar at the top (screens, coder, language, saved state, undo/redo,
// help), the address-driven screen switch, and the keys that work everywhere.
import { ApiError, get, onSaveState, write, type ApiProject } from './api.js';
import { showDialog, toast } from './dialogs.js';
import { h, isTyping, replace } from './dom.js';
import { showHelp } from './help.js';
import { language, setLanguage, t } from './i18n.js';
import type { Screen } from './screen.js';
import { agreementScreen } from './screens/agreement.js';
import { codebookScreen } from './screens/codebook.js';
import { documentScreen } from './screens/document-view.js';
import { documentsScreen } from './screens/documents.js';
import { reportScreen } from './screens/report.js';
import { retrievalScreen } from './screens/retrieval.js';
import { reviewScreen } from './screens/review.js';
import { classScreen } from './screens/class-view.js';
import { accountScreen } from './screens/account.js';
import { peopleScreen } from './screens/people.js';
import { app, chooseCoder, onRefresh, refresh } from './state.js';
import { showSignIn, signOut, teamMember } from './team.js';

const SCREENS: Record<string, () => Screen> = {
  documents: documentsScreen,
  doc: documentScreen,
  review: reviewScreen,
  codebook: codebookScreen,
  retrieve: retrievalScreen,
  agreement: agreementScreen,
  report: reportScreen,
  class: classScreen,
  people: peopleScreen,
  account: accountScreen,
};
const NAV: Array<[string, Parameters<typeof t>[0]]> = [
  ['documents', 'documents'],
  ['review', 'review'],
  ['codebook', 'codebook'],
  ['retrieve', 'retrieval'],
  ['agreement', 'agreement'],
  ['report', 'report'],
];

let screen: Screen | null = null;
const main = h('main', { id: 'main', tabindex: -1 });
const saveState = h('span', { class: 'save-state', role: 'status', 'aria-live': 'polite' });
const bar = h('header', { class: 'bar' });

function drawBar(): void {
  const route = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] || 'documents';
  const coders = (app.project?.coders ?? []).map((c) => c.name).filter((n) => n !== 'auto');
  if (app.coder && !coders.includes(app.coder)) coders.push(app.coder);
  const coderSelect = h(
    'select',
    {
      'aria-label': t('coder'),
      onchange: async (e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        if (value === '\u0000add') await askCoder();
        else chooseCoder(value);
        drawBar();
        await screen?.refresh?.();
      },
    },
    coders.map((c) => h('option', { value: c, selected: c === app.coder }, c)),
    h('option', { value: '\u0000add' }, t('addCoder')),
  );
  const member = app.member;
  const nav: typeof NAV = member?.role === 'owner' ? [...NAV, ['class', 'classView'], ['people', 'people']] : NAV;
  const who = member
    ? h(
        'span',
        { class: 'member' },
        h('a', { href: '#/account', title: t('yourAccount'), 'aria-current': route === 'account' ? 'page' : undefined }, member.name),
        h('span', { class: 'role' }, t(member.role).toLowerCase()),
        h('button', { onclick: () => void signOut(false) }, t('signOut')),
      )
    : h('label', { class: 'coder' }, `${t('coder')} `, coderSelect);
  replace(
    bar,
    h('a', { class: 'brand', href: '#/documents' }, app.project?.name ?? t('appName')),
    h(
      'nav',
      { 'aria-label': t('appName') },
      h(
        'ul',
        { role: 'list' },
        nav.map(([id, label]) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#/${id}`, 'aria-current': route === id || (route === 'doc' && id === 'documents') ? 'page' : undefined },
              t(label),
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'tools' },
      saveState,
      h('button', { class: 'icon', title: `${t('undo')} (Ctrl+Z)`, 'aria-label': t('undo'), onclick: () => undoRedo('undo') }, '↶'),
      h('button', { class: 'icon', title: `${t('redo')} (Ctrl+Shift+Z)`, 'aria-label': t('redo'), onclick: () => undoRedo('redo') }, '↷'),
      who,
      h(
        'button',
        {
          class: 'lang',
          lang: language() === 'en' ? 'id' : 'en',
          onclick: () => {
            setLanguage(language() === 'en' ? 'id' : 'en');
            drawBar();
            void show();
          },
        },
        t('language'),
      ),
      h('button', { class: 'icon', 'aria-label': t('help'), title: `${t('help')} (?)`, onclick: showHelp }, '?'),
    ),
  );
}

async function askCoder(): Promise<void> {
  const input = h('input', { type: 'text', required: true, maxlength: 80, autocomplete: 'name', 'aria-label': t('name') });
  const existing = (app.project?.coders ?? []).map((c) => c.name).filter((n) => n !== 'auto');
  const pick = existing.map((n) => h('button', { type: 'button', class: 'chip', onclick: () => void (input.value = n) }, n));
  const name = await showDialog(
    t('whoAreYou'),
    [h('p', {}, t('whoAreYouHelp')), pick.length ? h('div', { class: 'chips' }, pick) : null, h('label', {}, t('name'), input)],
    () => input.value.trim() || null,
    t('add'),
  );
  if (!name) return;
  chooseCoder(name);
  if (!existing.includes(name)) {
    await write('POST', '/api/coders', { name });
    await refresh();
  }
}

async function undoRedo(which: 'undo' | 'redo'): Promise<void> {
  try {
    const { change } = await write<{ change: { label: string } }>('POST', `/api/${which}`);
    toast(`${t(which === 'undo' ? 'undone' : 'redone')}: ${change.label.replace(/^(undo|redo) /, '')}`);
    await refresh();
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      const nothing = /^nothing to/.test(e.message);
      toast(nothing ? t(which === 'undo' ? 'nothingToUndo' : 'nothingToRedo') : e.message, nothing ? 'info' : 'error');
      saveState.textContent = t('saved');
      saveState.className = 'save-state saved';
    }
  }
}

async function show(): Promise<void> {
  const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = (path || 'documents').split('/').map(decodeURIComponent);
  const make = SCREENS[parts[0]] ?? SCREENS.documents;
  screen?.unmount?.();
  screen = make();
  drawBar();
  // Each screen draws into its own box: one still loading after the user moved on draws into a
  // box that is no longer on the page.
  const box = h('div', { class: 'screen' });
  replace(main, box);
  await screen.mount(box, new URLSearchParams(search ?? ''), parts.slice(1));
}

function onKey(e: KeyboardEvent): void {
  if (document.querySelector('dialog[open]')) return;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === 'z' && !isTyping(e)) {
    e.preventDefault();
    void undoRedo(e.shiftKey ? 'redo' : 'undo');
    return;
  }
  if (isTyping(e)) return;
  if (e.key === '?' && !mod) {
    e.preventDefault();
    showHelp();
    return;
  }
  if (screen?.onKey?.(e)) e.preventDefault();
}

async function start(): Promise<void> {
  document.documentElement.lang = language();
  const size = localStorage.getItem('qda.textSize');
  if (size) document.documentElement.style.setProperty('--text-size', `${size}px`);
  document.body.append(
    h('a', { class: 'skip', href: '#main', onclick: (e: Event) => (e.preventDefault(), main.focus()) }, 'Skip to content'),
    bar,
    main,
    h('div', { id: 'toasts', class: 'toasts', 'aria-live': 'polite' }),
  );
  onSaveState((state, message) => {
    saveState.className = `save-state ${state}`;
    saveState.textContent =
      state === 'saving'
        ? t('saving')
        : state === 'saved'
          ? `✓ ${t('saved')}`
          : `⚠ ${t('saveFailed')}: ${message === 'offline' ? t('offline') : message}`;
    if (state === 'failed') toast(`${t('saveFailed')}: ${message === 'offline' ? t('offline') : message}`, 'error');
  });
  try {
    const team = await teamMember();
    if (team === 'signed-out') return showSignIn(main);
    app.member = team;
    if (team) chooseCoder(team.name);
    await refresh();
  } catch (e) {
    replace(main, h('p', { class: 'error', role: 'alert' }, (e as Error).message));
    return;
  }
  onRefresh(() => void screen?.refresh?.());
  if (!app.coder && !app.member) await askCoder();
  window.addEventListener('hashchange', () => void show());
  // Back in this tab after working in another: show what changed meanwhile.
  window.addEventListener('focus', async () => {
    const now = await get<ApiProject>('/api/project').catch(() => null);
    if (now && now.events !== app.project?.events) await refresh();
  });
  document.addEventListener('keydown', onKey);
  await show();
}

void start();

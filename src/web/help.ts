import { h } from './dom.js';
import { t } from './i18n.js';
import { app } from './state.js';

/** The `?` overlay: the key sheet, and the settings that change keys and text size. */
export function showHelp(): void {
  const rows: Array<[string, Parameters<typeof t>[0]]> = [
    ['← → · Shift+← →', 'k_select'],
    ['1 – 9', 'k_pinned'],
    ['/', 'k_palette'],
    ['V', 'k_invivo'],
    ['N', 'k_new'],
    ['U', 'k_uncode'],
    ['M', 'k_memo'],
    ['[ ] + ← →', 'k_edges'],
    ['O', 'k_overlap'],
    ['Alt+↑ ↓', 'k_nextcode'],
    ['Ctrl+↑ ↓', 'k_turn'],
    ['G', 'k_goto'],
    ['A X E S J K', 'k_review'],
    ['Ctrl+Z · Ctrl+Shift+Z', 'k_undo'],
    ['Ctrl+Shift+H', 'k_hide'],
    ['?', 'k_help'],
    ['Esc', 'k_esc'],
  ];
  const singleKeys = h('input', {
    type: 'checkbox',
    checked: app.singleKeys,
    onchange: (e: Event) => {
      app.singleKeys = (e.target as HTMLInputElement).checked;
      localStorage.setItem('qda.singleKeys', app.singleKeys ? 'on' : 'off');
    },
  });
  const size = h('input', {
    type: 'range',
    min: 14,
    max: 24,
    step: 1,
    value: localStorage.getItem('qda.textSize') ?? '17',
    oninput: (e: Event) => {
      const px = (e.target as HTMLInputElement).value;
      localStorage.setItem('qda.textSize', px);
      document.documentElement.style.setProperty('--text-size', `${px}px`);
    },
  });
  const dialog = h(
    'dialog',
    { class: 'dialog help', 'aria-label': t('help') },
    h('h2', {}, t('help')),
    h(
      'table',
      { class: 'keys' },
      h(
        'tbody',
        {},
        rows.map(([keys, what]) => h('tr', {}, h('th', { scope: 'row' }, h('kbd', {}, keys)), h('td', {}, t(what)))),
      ),
    ),
    h('div', { class: 'settings' }, h('label', {}, singleKeys, ` ${t('singleKeys')}`), h('label', {}, `${t('textSize')} `, size)),
    h('div', { class: 'actions' }, h('button', { class: 'primary', onclick: () => dialog.close() }, t('close'))),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

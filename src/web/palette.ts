import type { Code } from '../model/codebook.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { app, codeColor, codeLabel } from './state.js';

/** What the palette resolves with: a code to apply, or a name for a new code. */
export type PaletteChoice = { code: string } | { create: string };

/** Rank of a code for a query: lower is better; -1 when it does not match (letters in order). */
function score(code: Code, label: string, query: string): number {
  if (!query) return 0;
  const q = query.toLocaleLowerCase();
  const hay = `${label} ${code.id}`.toLocaleLowerCase();
  const at = hay.indexOf(q);
  if (at !== -1) return at;
  let i = 0;
  let gaps = 0;
  for (const ch of hay) {
    if (ch === q[i]) i++;
    else if (i > 0) gaps++;
    if (i === q.length) return 100 + gaps;
  }
  return -1;
}

/**
 * The code palette: type to filter (fuzzy), ↑/↓ to move, Enter to choose; offers to create a code
 * from what was typed. Resolves with null when closed with Esc.
 */
export function openPalette(title = t('pickCode')): Promise<PaletteChoice | null> {
  return new Promise((resolve) => {
    const codes = app.codebook?.codes ?? [];
    const input = h('input', {
      type: 'text',
      role: 'combobox',
      'aria-expanded': 'true',
      'aria-controls': 'palette-list',
      'aria-autocomplete': 'list',
      placeholder: t('searchCodes'),
      'aria-label': t('searchCodes'),
    });
    const list = h('ul', { id: 'palette-list', role: 'listbox', class: 'palette-list', 'aria-label': title });
    const dialog = h('dialog', { class: 'dialog palette', 'aria-label': title }, h('h2', {}, title), input, list);
    let items: PaletteChoice[] = [];
    let active = 0;
    let choice: PaletteChoice | null = null;

    const render = () => {
      const q = input.value.trim();
      const ranked = codes
        .map((c) => ({ c, s: score(c, codeLabel(c.id), q) }))
        .filter((x) => x.s >= 0)
        .sort((a, b) => a.s - b.s)
        .slice(0, 50);
      items = ranked.map((x) => ({ code: x.c.id }));
      if (q && !codes.some((c) => c.id === q)) items.push({ create: q });
      active = Math.min(active, Math.max(items.length - 1, 0));
      replace(
        list,
        items.length === 0
          ? h('li', { class: 'empty' }, t('noCodes'))
          : items.map((item, i) => {
              const id = `palette-option-${i}`;
              const li = h(
                'li',
                {
                  id,
                  role: 'option',
                  'aria-selected': i === active ? 'true' : 'false',
                  class: i === active ? 'active' : '',
                  onclick: () => choose(i),
                },
                'code' in item
                  ? [
                      h('span', { class: 'swatch', 'aria-hidden': 'true' }),
                      h('span', { class: 'label' }, codeLabel(item.code)),
                      h('span', { class: 'code-id' }, item.code),
                    ]
                  : [h('span', { class: 'label' }, `${t('createCode')}: `), h('strong', {}, item.create)],
              );
              if ('code' in item) (li.firstChild as HTMLElement).style.background = codeColor(item.code);
              return li;
            }),
      );
      if (items.length > 0) input.setAttribute('aria-activedescendant', `palette-option-${active}`);
      list.querySelector('.active')?.scrollIntoView({ block: 'nearest' });
    };
    const choose = (i: number) => {
      choice = items[i] ?? null;
      dialog.close();
    };
    input.addEventListener('input', () => {
      active = 0;
      render();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') active = Math.min(active + 1, items.length - 1);
      else if (e.key === 'ArrowUp') active = Math.max(active - 1, 0);
      else if (e.key === 'Enter') return void (e.preventDefault(), choose(active));
      else return;
      e.preventDefault();
      render();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(choice);
    });
    document.body.append(dialog);
    render();
    dialog.showModal();
    input.focus();
  });
}

// The codebook panel: the code tree with counts by coder, and a card to edit the focused code
// (labels, definition, include, exclude, examples); add, rename/move and merge codes. Each edit
// saves a new codebook version.
import type { Code } from '../../model/codebook.js';
import { get, write, type ApiMemo } from '../api.js';
import { askText, editMemo, showDialog, toast } from '../dialogs.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { go, type Screen } from '../screen.js';
import { app, codeColor, codeLabel, refresh } from '../state.js';
import { othersHidden } from '../team.js';

/** The codebook panel (`#/codebook/<code>`). */
export function codebookScreen(): Screen {
  let root: HTMLElement;
  let current = '';

  function tree(): HTMLElement {
    const codes = app.codebook?.codes ?? [];
    const counts = app.codebook?.counts ?? {};
    const suggested = app.codebook?.suggested ?? {};
    return h(
      'ul',
      { class: 'tree', role: 'tree', 'aria-label': t('codebook') },
      codes.map((c) => {
        const depth = c.id.split('/').length;
        const byCoder = Object.entries(counts[c.id] ?? {});
        const item = h(
          'li',
          {
            role: 'treeitem',
            'aria-level': depth,
            'aria-selected': c.id === current ? 'true' : 'false',
            tabindex: c.id === current || (!current && c === codes[0]) ? 0 : -1,
            'data-id': c.id,
            class: `depth-${Math.min(depth, 4)}`,
            onclick: () => choose(c.id),
          },
          h('span', { class: 'dot', 'aria-hidden': 'true' }),
          h('span', { class: 'label' }, codeLabel(c.id)),
          h(
            'span',
            { class: 'counts' },
            byCoder.map(([coder, n]) => h('span', { class: 'chip small', title: coder }, `${coder} ${n}`)),
            suggested[c.id]
              ? h('span', { class: 'chip small dashed', title: t('suggestions') }, `${t('suggestions')} ${suggested[c.id]}`)
              : null,
          ),
        );
        (item.firstChild as HTMLElement).style.background = codeColor(c.id);
        return item;
      }),
    );
  }

  function card(code: Code): HTMLElement {
    const languages = [...new Set([app.codebook?.language ?? 'en', 'en', 'id', ...Object.keys(code.labels)])];
    const labelInputs = languages.map(
      (lang) => [lang, h('input', { type: 'text', value: code.labels[lang] ?? '', 'aria-label': `${t('label')} (${lang})` })] as const,
    );
    const area = (value: string | undefined, label: string) => h('textarea', { rows: 3, 'aria-label': label }, value ?? '');
    const definition = area(code.definition, t('definition'));
    const include = area(code.include, t('include'));
    const exclude = area(code.exclude, t('exclude'));
    const examples = area(code.examples.join('\n'), t('examples'));
    const save = async () => {
      const labels = Object.fromEntries(
        labelInputs.filter(([, input]) => input.value.trim()).map(([lang, input]) => [lang, input.value.trim()]),
      );
      await write('PATCH', `/api/codebook/codes/${encodeURIComponent(code.id)}`, {
        labels,
        definition: definition.value,
        include: include.value,
        exclude: exclude.value,
        examples: examples.value
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      });
      toast(t('codeSaved'));
      await refresh();
    };
    return h(
      'section',
      { class: 'code-editor', 'aria-label': code.id },
      h('h2', {}, codeLabel(code.id), h('span', { class: 'code-id' }, ` ${code.id}`)),
      h('p', { class: 'sub' }, `${t('codebook')} ${t('version')} ${app.codebook?.version ?? 0}`),
      h(
        'fieldset',
        {},
        h('legend', {}, t('labels')),
        labelInputs.map(([lang, input]) => h('label', { class: 'inline' }, `${lang} `, input)),
      ),
      h('label', {}, t('definition'), definition),
      h('label', {}, t('include'), include),
      h('label', {}, t('exclude'), exclude),
      h('label', {}, t('examples'), examples),
      h(
        'div',
        { class: 'row' },
        h('button', { class: 'primary', onclick: () => void save() }, t('save')),
        h('button', { onclick: () => void addCode(code.id) }, t('addSubcode')),
        h('button', { onclick: () => void move(code.id) }, t('moveRename')),
        h('button', { onclick: () => void merge(code.id) }, t('merge')),
        h('button', { onclick: () => void codeMemo(code.id) }, t('memo')),
        h('button', { onclick: () => go('retrieve', undefined, { code: code.id }) }, t('showSegments')),
      ),
    );
  }

  async function addCode(parent: string | null): Promise<void> {
    const name = await askText(parent ? `${t('addSubcode')}: ${parent}` : t('addCode'), t('codeId'), parent ? `${parent}/` : '');
    if (!name) return;
    const id = name.trim().replace(/\s*\/\s*/g, '/');
    await write('POST', '/api/codebook/codes', { id });
    current = id;
    await refresh();
  }

  async function move(id: string): Promise<void> {
    const newId = await askText(`${t('moveRename')}: ${id}`, t('newId'), id);
    if (!newId || newId === id) return;
    await write('PATCH', `/api/codebook/codes/${encodeURIComponent(id)}`, { newId });
    current = newId;
    await refresh();
  }

  async function merge(id: string): Promise<void> {
    const select = h(
      'select',
      { 'aria-label': t('mergeInto', { code: id }) },
      (app.codebook?.codes ?? [])
        .filter((c) => c.id !== id && !c.id.startsWith(`${id}/`))
        .map((c) => h('option', { value: c.id }, `${c.id} — ${codeLabel(c.id)}`)),
    );
    const into = await showDialog(t('mergeInto', { code: id }), [select], () => select.value || null, t('merge'));
    if (!into) return;
    await write('POST', '/api/codebook/merge', { from: id, into });
    current = into;
    await refresh();
  }

  async function codeMemo(id: string): Promise<void> {
    const memos = await get<ApiMemo[]>(`/api/memos?kind=code&id=${encodeURIComponent(id)}`);
    const text = await editMemo(`${t('memoOn')} ${id}`, memos[0]?.text ?? '');
    if (text === null) return;
    if (memos[0] && !text.trim()) await write('DELETE', `/api/memos/${memos[0].id}`);
    else if (memos[0]) await write('PATCH', `/api/memos/${memos[0].id}`, { text });
    else if (text.trim()) await write('POST', '/api/memos', { kind: 'code', id, text });
  }

  function choose(id: string): void {
    current = id;
    history.replaceState(null, '', `#/codebook/${encodeURIComponent(id)}`);
    draw();
    root.querySelector<HTMLElement>(`[role=treeitem][aria-selected=true]`)?.focus();
  }

  function draw(): void {
    const codes = app.codebook?.codes ?? [];
    const code = codes.find((c) => c.id === current) ?? codes[0];
    if (code) current = code.id;
    replace(
      root,
      h(
        'div',
        { class: 'codebook-head' },
        h('h1', {}, t('codebook')),
        h('button', { onclick: () => void addCode(null) }, t('addCode')),
        h('a', { class: 'button', href: '/api/codebook/export?format=yaml', download: '' }, t('exportYaml')),
        h('a', { class: 'button', href: '/api/codebook/export?format=qdc', download: '' }, t('exportQdc')),
      ),
      othersHidden(app.member) ? h('p', { class: 'others-hidden' }, t('othersHidden')) : null,
      h('div', { class: 'codebook-body' }, h('nav', { class: 'tree-wrap', 'aria-label': t('codebook') }, tree()), code ? card(code) : null),
    );
  }

  return {
    mount(el, _params, path) {
      root = el;
      current = path[0] ?? '';
      draw();
    },
    refresh: draw,
    onKey(e) {
      const items = [...root.querySelectorAll<HTMLElement>('[role=treeitem]')];
      const i = items.indexOf(document.activeElement as HTMLElement);
      if (i === -1) return false;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const next = items[Math.max(0, Math.min(items.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
        choose(next.dataset.id!);
        return true;
      }
      if (e.key === 'Enter') {
        root.querySelector<HTMLElement>('.code-editor input')?.focus();
        return true;
      }
      return false;
    },
  };
}

import { get, type ApiDocumentRow } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { go, type Screen } from '../screen.js';
import { app } from '../state.js';
import { othersHidden } from '../team.js';

/** The documents list: attributes, words, codings per coder, share of suggestions reviewed. */
export function documentsScreen(): Screen {
  let root: HTMLElement;
  const draw = async () => {
    const rows = await get<ApiDocumentRow[]>('/api/documents');
    if (rows.length === 0) return replace(root, h('p', { class: 'empty' }, t('noDocuments')));
    const attributeNames = [...new Set(rows.flatMap((r) => Object.keys(r.attributes)))]
      .filter((a) => !['id', 'title', 'participants', 'language'].includes(a))
      .slice(0, 4);
    replace(
      root,
      h('h1', {}, t('documents')),
      h(
        'table',
        { class: 'documents' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('document')),
            attributeNames.map((a) => h('th', { scope: 'col' }, a)),
            h('th', { scope: 'col', class: 'num' }, t('turns')),
            h('th', { scope: 'col', class: 'num' }, t('words')),
            h('th', { scope: 'col', class: 'num' }, t('codings')),
            h('th', { scope: 'col' }, t('byCoder')),
            h('th', { scope: 'col' }, t('reviewed')),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((r) => {
            const share = r.suggestions === 0 ? 1 : r.reviewed / r.suggestions;
            return h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row' },
                h('a', { href: `#/doc/${encodeURIComponent(r.id)}` }, r.id),
                typeof r.attributes.title === 'string' ? h('div', { class: 'sub' }, r.attributes.title) : null,
              ),
              attributeNames.map((a) =>
                h('td', {}, r.attributes[a] === undefined || r.attributes[a] === null ? '' : String(r.attributes[a])),
              ),
              h('td', { class: 'num' }, r.turns),
              h('td', { class: 'num' }, r.words.toLocaleString()),
              h('td', { class: 'num' }, r.codings),
              h(
                'td',
                {},
                Object.entries(r.byCoder).map(([c, n]) => h('span', { class: 'chip small' }, `${c} ${n}`)),
                othersHidden(app.member, r.id) ? h('span', { class: 'others-hidden' }, t('othersHidden')) : null,
              ),
              h(
                'td',
                {},
                h('progress', { max: 1, value: share, 'aria-label': `${t('reviewed')} ${Math.round(share * 100)}%` }),
                ` ${r.reviewed}/${r.suggestions}`,
              ),
            );
          }),
        ),
      ),
    );
    root.querySelector<HTMLAnchorElement>('tbody a')?.focus();
  };
  return {
    async mount(el) {
      root = el;
      await draw();
    },
    refresh: draw,
    onKey(e) {
      if (e.key === 'Enter' && document.activeElement instanceof HTMLAnchorElement) return false;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const links = [...root.querySelectorAll<HTMLAnchorElement>('tbody a')];
        const i = links.indexOf(document.activeElement as HTMLAnchorElement);
        links[Math.max(0, Math.min(links.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
        return true;
      }
      if (e.key === 'Enter') {
        const first = root.querySelector<HTMLAnchorElement>('tbody a');
        if (first) go('doc', first.textContent ?? '');
        return !!first;
      }
      return false;
    },
  };
}

// Retrieval: every passage of a code (or of two codes in one segment, or within documents of an
// attribute value), with its citation; Enter or a click opens it in the document; export as
// CSV or as Markdown quotes with (Name, Year).
import { get, query, type ApiDocumentRow, type ApiQuote } from '../api.js';
import { toast } from '../dialogs.js';
import { h, replace, type Child } from '../dom.js';
import { t } from '../i18n.js';
import { go, type Screen } from '../screen.js';
import { app, codeColor, codeLabel } from '../state.js';

/** The retrieval screen (`#/retrieve?code=…`). */
export function retrievalScreen(): Screen {
  let root: HTMLElement;
  let results: HTMLElement;
  const q = { code: '', and: '', attribute: '', value: '', coder: '' };
  let attributes = new Map<string, Set<string>>();

  function params(): Record<string, string> {
    return Object.fromEntries(Object.entries(q).filter(([, v]) => v)) as Record<string, string>;
  }

  async function search(): Promise<void> {
    history.replaceState(null, '', `#/retrieve${query(params())}`);
    if (!q.code) return replace(results);
    const quotes = await get<ApiQuote[]>(`/api/retrieve${query(params())}`);
    replace(
      results,
      h(
        'div',
        { class: 'results-head' },
        h('span', { role: 'status' }, t('results', { n: quotes.length })),
        h('a', { class: 'button', href: `/api/retrieve/export${query({ ...params(), format: 'csv' })}`, download: '' }, t('exportCsv')),
        h('a', { class: 'button', href: `/api/retrieve/export${query({ ...params(), format: 'md' })}`, download: '' }, t('exportMd')),
      ),
      h(
        'ol',
        { class: 'quotes', role: 'list' },
        quotes.map((quote) =>
          h(
            'li',
            {},
            h(
              'blockquote',
              {
                tabindex: 0,
                'data-doc': quote.document,
                'data-segment': quote.segment,
                onclick: () => open(quote),
                onkeydown: (e: KeyboardEvent) => {
                  if (e.key === 'Enter') open(quote);
                },
              },
              marked(quote),
            ),
            h(
              'div',
              { class: 'cite' },
              h('strong', {}, quote.citation),
              ` ${quote.document} · ${t('turn')} ${quote.segment}${quote.timestamp ? ` · ${quote.timestamp}` : ''} `,
              h('button', { class: 'small', onclick: () => void copy(quote) }, t('copy')),
            ),
          ),
        ),
      ),
    );
  }

  function marked(quote: ApiQuote): Child[] {
    if (quote.marks.length === 0) return [`“${quote.text}”`];
    const out: Child[] = ['“'];
    let at = 0;
    for (const m of quote.marks) {
      out.push(quote.text.slice(at, m.start), h('mark', {}, quote.text.slice(m.start, m.end)));
      at = m.end;
    }
    out.push(quote.text.slice(at), '”');
    return out;
  }

  function open(quote: ApiQuote): void {
    go('doc', quote.document, { turn: String(quote.segment) });
  }

  async function copy(quote: ApiQuote): Promise<void> {
    await navigator.clipboard.writeText(`“${quote.text.replace(/\s+/g, ' ').trim()}” ${quote.citation}`);
    toast(t('copied'));
  }

  function codeSelect(key: 'code' | 'and', label: string, allowNone: boolean): HTMLElement {
    const codes = app.codebook?.codes ?? [];
    return h(
      'label',
      {},
      `${label} `,
      h(
        'select',
        {
          onchange: (e: Event) => {
            q[key] = (e.target as HTMLSelectElement).value;
            void search();
          },
        },
        allowNone || !q.code ? h('option', { value: '' }, t('none')) : null,
        codes.map((c) =>
          h('option', { value: c.id, selected: q[key] === c.id }, `${'· '.repeat(c.id.split('/').length - 1)}${codeLabel(c.id)}`),
        ),
      ),
    );
  }

  function draw(): void {
    const coders = (app.project?.coders ?? []).map((c) => c.name);
    const values = [...(attributes.get(q.attribute) ?? [])].sort();
    results = h('section', { class: 'results', 'aria-label': t('retrieval') });
    replace(
      root,
      h('h1', {}, t('retrieval')),
      h(
        'form',
        { class: 'filters-row', onsubmit: (e: Event) => (e.preventDefault(), void search()) },
        codeSelect('code', t('code'), false),
        codeSelect('and', t('andCode'), true),
        h(
          'label',
          {},
          `${t('attribute')} `,
          h(
            'select',
            {
              onchange: (e: Event) => {
                q.attribute = (e.target as HTMLSelectElement).value;
                q.value = '';
                draw();
              },
            },
            h('option', { value: '' }, t('none')),
            [...attributes.keys()].map((a) => h('option', { value: a, selected: a === q.attribute }, a)),
          ),
        ),
        q.attribute
          ? h(
              'label',
              {},
              `${t('value')} `,
              h(
                'select',
                {
                  onchange: (e: Event) => {
                    q.value = (e.target as HTMLSelectElement).value;
                    void search();
                  },
                },
                h('option', { value: '' }, '—'),
                values.map((v) => h('option', { value: v, selected: v === q.value }, v)),
              ),
            )
          : null,
        h(
          'label',
          {},
          `${t('coder')} `,
          h(
            'select',
            {
              onchange: (e: Event) => {
                q.coder = (e.target as HTMLSelectElement).value;
                void search();
              },
            },
            h('option', { value: '' }, t('anyCoder')),
            coders.map((c) => h('option', { value: c, selected: c === q.coder }, c)),
          ),
        ),
      ),
      results,
    );
    const dot = root.querySelector('select');
    if (dot && q.code) dot.style.borderLeft = `6px solid ${codeColor(q.code)}`;
    void search();
  }

  return {
    async mount(el, params) {
      root = el;
      for (const key of Object.keys(q) as Array<keyof typeof q>) q[key] = params.get(key) ?? '';
      const docs = await get<ApiDocumentRow[]>('/api/documents');
      attributes = new Map();
      for (const d of docs)
        for (const [k, v] of Object.entries(d.attributes)) {
          if (v === null || typeof v === 'object' || ['id', 'title'].includes(k)) continue;
          if (!attributes.has(k)) attributes.set(k, new Set());
          attributes.get(k)!.add(String(v));
        }
      draw();
    },
    refresh: () => void search(),
    onKey(e) {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return false;
      const items = [...root.querySelectorAll<HTMLElement>('blockquote')];
      const i = items.indexOf(document.activeElement as HTMLElement);
      items[Math.max(0, Math.min(items.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
      return items.length > 0;
    },
  };
}

// Agreement: pick two coders → per-code percent agreement, κ and α (the figures of `qda agree`),
// then the disagreements, each opening its turn; keep one coder's version into "consensus".
import { get, query, write, type ApiAgreement } from '../api.js';
import { toast } from '../dialogs.js';
import { h, replace, tableHead } from '../dom.js';
import { t } from '../i18n.js';
import { go, type Screen } from '../screen.js';
import { app, codeLabel } from '../state.js';

const figure = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(3));

/** The agreement screen (`#/agreement?a=…&b=…`). */
export function agreementScreen(): Screen {
  let root: HTMLElement;
  let a = '';
  let b = '';

  async function compare(): Promise<void> {
    const out = root.querySelector<HTMLElement>('.agreement-out')!;
    history.replaceState(null, '', `#/agreement${query({ a, b })}`);
    if (!a || !b || a === b) return replace(out, h('p', { class: 'hint' }, t('needTwoCoders')));
    let result: ApiAgreement;
    try {
      result = await get<ApiAgreement>(`/api/agreement${query({ a, b })}`);
    } catch (e) {
      return replace(out, h('p', { class: 'error', role: 'alert' }, (e as Error).message));
    }
    replace(
      out,
      h('p', { class: 'sub' }, t('unitNote')),
      h('details', { class: 'method' }, h('summary', {}, t('method')), h('p', {}, result.method)),
      h(
        'table',
        { class: 'agreement' },
        tableHead(t('code'), [t('units'), t('percent'), t('kappa'), t('alpha')]),
        h(
          'tbody',
          {},
          result.codes.map((c) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, codeLabel(c.code), h('span', { class: 'code-id' }, ` ${c.code}`)),
              h('td', { class: 'num' }, c.units),
              h('td', { class: 'num' }, c.percent_agreement === null ? '—' : `${(c.percent_agreement * 100).toFixed(1)}%`),
              h('td', { class: 'num kappa', 'data-code': c.code }, figure(c.cohen_kappa)),
              h('td', { class: 'num' }, figure(c.alpha)),
            ),
          ),
        ),
        h(
          'tfoot',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, t('pooled')),
            h('td', { class: 'num' }, result.pooled.units),
            h(
              'td',
              { class: 'num' },
              result.pooled.percent_agreement === null ? '—' : `${(result.pooled.percent_agreement * 100).toFixed(1)}%`,
            ),
            h('td', { class: 'num kappa', 'data-code': '(pooled)' }, figure(result.pooled.cohen_kappa)),
            h('td', { class: 'num' }, figure(result.pooled.alpha)),
          ),
        ),
      ),
      h('h2', {}, `${t('disagreements')} (${result.disagreements.length})`),
      h(
        'ol',
        { class: 'disagreements', role: 'list' },
        result.disagreements.map((d) =>
          h(
            'li',
            {},
            h(
              'div',
              { class: 'where' },
              h('a', { href: `#/doc/${encodeURIComponent(d.document)}?turn=${d.segment}` }, `${d.document} · ${t('turn')} ${d.segment}`),
              h('strong', {}, ` ${codeLabel(d.code)}`),
              ` — ${t('codedBy')} ${d.coded_by.join(', ')}; ${t('notCodedBy')} ${d.not_coded_by.join(', ')}`,
            ),
            h('p', { class: 'context' }, d.text.length > 400 ? `${d.text.slice(0, 400)}…` : d.text),
            h(
              'div',
              { class: 'row' },
              [a, b].map((coder) => h('button', { onclick: () => void keep(coder, d) }, t('keep', { coder }))),
              h('button', { onclick: () => go('doc', d.document, { turn: String(d.segment) }) }, t('open')),
            ),
          ),
        ),
      ),
    );
  }

  async function keep(coder: string, d: ApiAgreement['disagreements'][number]): Promise<void> {
    const doc = await get<{ turns: Array<{ index: number; start: number; end: number }> }>(
      `/api/documents/${encodeURIComponent(d.document)}`,
    );
    const turn = doc.turns.find((x) => x.index === d.segment);
    if (!turn) return;
    await write('POST', '/api/agreement/adopt', {
      from: coder,
      into: 'consensus',
      document: d.document,
      code: d.code,
      start: turn.start,
      end: turn.end,
    });
    toast(t('adopted'));
  }

  function draw(): void {
    const coders = (app.project?.coders ?? []).map((c) => c.name);
    const pick = (label: string, value: string, set: (v: string) => void) =>
      h(
        'label',
        {},
        `${label} `,
        h(
          'select',
          {
            onchange: (e: Event) => {
              set((e.target as HTMLSelectElement).value);
              void compare();
            },
          },
          h('option', { value: '' }, '—'),
          coders.map((c) => h('option', { value: c, selected: c === value }, c)),
        ),
      );
    replace(
      root,
      h('h1', {}, t('agreement')),
      h(
        'div',
        { class: 'filters-row' },
        pick(t('coderA'), a, (v) => (a = v)),
        pick(t('coderB'), b, (v) => (b = v)),
      ),
      h('section', { class: 'agreement-out', 'aria-live': 'polite' }),
    );
    void compare();
  }

  return {
    mount(el, params) {
      root = el;
      // Start with two coders who have codings of their own.
      const withCodings = new Set(Object.values(app.codebook?.counts ?? {}).flatMap((byCoder) => Object.keys(byCoder)));
      const coders = (app.project?.coders ?? []).map((c) => c.name).filter((c) => c !== 'auto' && c !== 'consensus' && withCodings.has(c));
      a = params.get('a') ?? coders[0] ?? '';
      b = params.get('b') ?? coders.find((c) => c !== a) ?? '';
      draw();
    },
    refresh: () => void compare(),
  };
}

// The review queue: the machine's suggestions one at a time, in their turn, with the matched
// words marked and the code's definition beside them. A accept, X reject, E adjust, S skip,
// J/K next/previous; accepting all open suggestions of a code is one step (and one undo).
import { OffsetMap } from '../../text/offsets.js';
import { get, query, write, type ApiCoding, type ApiDocumentRow, type ApiReviewItem } from '../api.js';
import { confirmAction, toast } from '../dialogs.js';
import { h, replace, type Child } from '../dom.js';
import { t } from '../i18n.js';
import { go, type Screen } from '../screen.js';
import { app, codeById, codeColor, codeLabel } from '../state.js';

interface Queue {
  total: number;
  reviewed: number;
  items: ApiReviewItem[];
}

/** The review queue (`#/review`). */
export function reviewScreen(): Screen {
  let root: HTMLElement;
  let queue: Queue = { total: 0, reviewed: 0, items: [] };
  let at = 0;
  let documents: ApiDocumentRow[] = [];
  const filters = { code: '', document: '', speaker: '', status: 'suggested' };

  async function load(keepId?: number): Promise<void> {
    queue = await get<Queue>(`/api/review${query(filters)}`);
    const i = keepId === undefined ? -1 : queue.items.findIndex((x) => x.coding.id === keepId);
    at = Math.max(0, Math.min(i === -1 ? at : i, queue.items.length - 1));
  }

  function select(label: string, key: keyof typeof filters, options: Array<[string, string]>): HTMLElement {
    return h(
      'label',
      {},
      `${label} `,
      h(
        'select',
        {
          onchange: async (e: Event) => {
            filters[key] = (e.target as HTMLSelectElement).value;
            at = 0;
            await load();
            draw();
          },
        },
        options.map(([value, text]) => h('option', { value, selected: filters[key] === value }, text)),
      ),
    );
  }

  function marked(item: ApiReviewItem): Child[] {
    const text = item.turn.text;
    const map = new OffsetMap(text);
    const from = map.toUtf16(item.coding.start - item.turn.start);
    const to = map.toUtf16(item.coding.end - item.turn.start);
    // The matched words: the automatic coder's hits, else words that start with a matched term.
    const marks: Array<[number, number]> = (item.coding.hits ?? [])
      .filter((hit) => hit.start >= item.turn.start && hit.end <= item.turn.end)
      .map((hit) => [map.toUtf16(hit.start - item.turn.start), map.toUtf16(hit.end - item.turn.start)]);
    for (const term of marks.length > 0 ? [] : item.coding.matches) {
      const stem = term.replace(/\*$/, '').trim().toLocaleLowerCase();
      if (stem.length < 2 || stem.startsWith('/')) continue;
      const lower = text.toLocaleLowerCase();
      for (let i = lower.indexOf(stem); i !== -1; i = lower.indexOf(stem, i + 1)) {
        if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) continue;
        let end = i + stem.length;
        while (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) end++;
        marks.push([i, end]);
      }
    }
    marks.sort((a, b) => a[0] - b[0]);
    const cuts = [...new Set([0, text.length, from, to, ...marks.flat()])].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
    const out: Child[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [a, b] = [cuts[k], cuts[k + 1]];
      const piece = text.slice(a, b);
      const inSpan = a >= from && b <= to;
      const isMark = marks.some(([s, e]) => a >= s && b <= e);
      const node: HTMLElement = isMark ? h('mark', {}, piece) : h('span', {}, piece);
      if (inSpan) {
        node.classList.add('suggested-span');
        node.style.setProperty('--c', codeColor(item.coding.code));
      }
      out.push(node);
    }
    return out;
  }

  function draw(): void {
    const codes = app.codebook?.codes ?? [];
    const item = queue.items[at];
    const speakers = [...new Set(queue.items.map((x) => x.turn.speaker).filter((s): s is string => !!s))];
    const code = item ? codeById(item.coding.code) : undefined;
    const openOfCode = item ? queue.items.filter((x) => x.coding.code === item.coding.code && x.coding.status === 'suggested').length : 0;
    replace(
      root,
      h(
        'div',
        { class: 'review-head' },
        h('h1', {}, t('review')),
        h(
          'div',
          { class: 'progress-line' },
          h('progress', {
            max: Math.max(queue.total, 1),
            value: queue.reviewed,
            'aria-label': t('progress', { done: queue.reviewed, total: queue.total }),
          }),
          h('span', { role: 'status' }, ` ${t('progress', { done: queue.reviewed, total: queue.total })}`),
        ),
      ),
      h(
        'div',
        { class: 'filters-row', role: 'group', 'aria-label': 'Filters' },
        select(t('code'), 'code', [
          ['', t('allCodes')],
          ...codes.map((c): [string, string] => [c.id, `${'· '.repeat(c.id.split('/').length - 1)}${codeLabel(c.id)}`]),
        ]),
        select(t('document'), 'document', [['', t('allDocuments')], ...documents.map((d): [string, string] => [d.id, d.id])]),
        select(t('speaker'), 'speaker', [
          ['', t('allSpeakers')],
          ...speakers.map((s): [string, string] => [s, s]),
          ...(filters.speaker && !speakers.includes(filters.speaker) ? [[filters.speaker, filters.speaker] as [string, string]] : []),
        ]),
        select(t('statusFilter'), 'status', [
          ['suggested', t('onlyOpen')],
          ['all', t('allStatuses')],
        ]),
      ),
      !item
        ? h('p', { class: 'empty' }, t('queueEmpty'))
        : h(
            'div',
            { class: 'review-body' },
            h(
              'article',
              { class: 'review-item', 'aria-label': `${at + 1} / ${queue.items.length}`, tabindex: -1 },
              h(
                'div',
                { class: 'where' },
                h('span', { class: 'count' }, `${at + 1} / ${queue.items.length}`),
                h(
                  'a',
                  { href: `#/doc/${encodeURIComponent(item.coding.document)}?turn=${item.turn.index}` },
                  `${item.coding.document} · ${t('turn')} ${item.turn.index}`,
                ),
                item.turn.speaker ? h('span', { class: 'speaker' }, item.turn.speaker) : null,
                item.turn.role ? h('span', { class: 'role' }, item.turn.role) : null,
                item.turn.timestamp ? h('span', { class: 'time' }, item.turn.timestamp) : null,
                h('span', { class: `status ${item.coding.status}` }, t(`st_${item.coding.status}`)),
              ),
              h('p', { class: 'context' }, marked(item)),
              h(
                'p',
                { class: 'matches' },
                `${t('matched')}: `,
                item.coding.matches.map((m) =>
                  m.startsWith('/')
                    ? h('span', { class: 'chip small', title: m }, t('rule'))
                    : h('mark', {}, m.length > 40 ? `${m.slice(0, 40)}…` : m),
                ),
              ),
              h(
                'div',
                { class: 'row actions-row' },
                h('button', { class: 'primary', onclick: () => void decide('accepted') }, h('kbd', {}, 'A'), ` ${t('accept')}`),
                h('button', { class: 'danger', onclick: () => void decide('rejected') }, h('kbd', {}, 'X'), ` ${t('reject')}`),
                h('button', { onclick: () => void adjust() }, h('kbd', {}, 'E'), ` ${t('adjust')}`),
                h('button', { onclick: () => step(1) }, h('kbd', {}, 'S'), ` ${t('skip')}`),
                h('button', { onclick: () => step(-1), 'aria-label': t('previous') }, h('kbd', {}, 'K'), ' ←'),
                h('button', { onclick: () => step(1), 'aria-label': t('next') }, h('kbd', {}, 'J'), ' →'),
                openOfCode > 1 ? h('button', { class: 'bulk', onclick: () => void acceptAll() }, t('acceptAll', { n: openOfCode })) : null,
              ),
            ),
            h(
              'aside',
              { class: 'code-card', 'aria-label': t('codebook') },
              h('h2', {}, h('span', { class: 'dot', 'aria-hidden': 'true' }), codeLabel(item.coding.code)),
              h('div', { class: 'code-id' }, item.coding.code),
              code?.definition ? [h('h3', {}, t('definition')), h('p', {}, code.definition)] : null,
              code?.include ? [h('h3', {}, t('include')), h('p', {}, code.include)] : null,
              code?.exclude ? [h('h3', {}, t('exclude')), h('p', {}, code.exclude)] : null,
              code?.examples.length
                ? [
                    h('h3', {}, t('examplesHeading')),
                    h(
                      'ul',
                      {},
                      code.examples.map((x) => h('li', {}, x)),
                    ),
                  ]
                : null,
            ),
          ),
    );
    const dot = root.querySelector<HTMLElement>('.code-card .dot');
    if (dot && item) dot.style.background = codeColor(item.coding.code);
    root.querySelector<HTMLElement>('.review-item')?.focus({ preventScroll: true });
  }

  function step(by: number): void {
    at = Math.max(0, Math.min(queue.items.length - 1, at + by));
    draw();
  }

  async function decide(status: 'accepted' | 'rejected'): Promise<void> {
    const item = queue.items[at];
    if (!item) return;
    await write('PATCH', `/api/codings/${item.coding.id}`, { status });
    const nextOpen = queue.items.slice(at + 1).find((x) => x.coding.status === 'suggested');
    await load(filters.status === 'suggested' ? nextOpen?.coding.id : item.coding.id);
    if (filters.status !== 'suggested') at = Math.min(at + 1, queue.items.length - 1);
    draw();
  }

  async function acceptAll(): Promise<void> {
    const item = queue.items[at];
    if (!item) return;
    const ids = queue.items.filter((x) => x.coding.code === item.coding.code && x.coding.status === 'suggested').map((x) => x.coding.id);
    if (!(await confirmAction(t('confirmAcceptAll', { n: ids.length, code: codeLabel(item.coding.code) }), t('accept')))) return;
    await write('POST', '/api/codings/review', { ids, status: 'accepted' });
    toast(`${t('accept')}: ${ids.length}`);
    await load();
    draw();
  }

  async function adjust(): Promise<void> {
    const item = queue.items[at];
    if (!item) return;
    let id = item.coding.id;
    // A team coder adjusts their own copy of the shared suggestion: accepting it makes the copy.
    if (app.member && app.member.role !== 'owner') id = (await write<ApiCoding>('PATCH', `/api/codings/${id}`, { status: 'accepted' })).id;
    go('doc', item.coding.document, { coding: String(id), edge: 'end' });
  }

  return {
    async mount(el) {
      root = el;
      documents = await get<ApiDocumentRow[]>('/api/documents');
      await load();
      draw();
    },
    async refresh() {
      await load(queue.items[at]?.coding.id);
      draw();
    },
    onKey(e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return false;
      if (e.key === 'ArrowRight') return (step(1), true);
      if (e.key === 'ArrowLeft') return (step(-1), true);
      if (!app.singleKeys) return false;
      switch (e.key.toLowerCase()) {
        case 'a':
          return (void decide('accepted'), true);
        case 'x':
          return (void decide('rejected'), true);
        case 'e':
          return (void adjust(), true);
        case 's':
        case 'j':
          return (step(1), true);
        case 'k':
          return (step(-1), true);
        default:
          return false;
      }
    },
  };
}

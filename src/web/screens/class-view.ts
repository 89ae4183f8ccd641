// Class view (team mode, owner only): progress per coder; agreement of each coder with a
// reference coder and of all coders together (Krippendorff's α, Cohen's / Fleiss' κ per code);
// the disagreements, most disputed first, each opening the passage with everyone's spans one
// under another; reveal switches; exports. Names can be hidden for projecting in class.
import { get, query, write } from '../api.js';
import { toast } from '../dialogs.js';
import { h, replace, tableHead, type Child } from '../dom.js';
import { t } from '../i18n.js';
import type { Screen } from '../screen.js';
import { codeColor, codeLabel } from '../state.js';

interface Figures {
  units: number;
  applied?: number[];
  percent_agreement?: number | null;
  percentAgreement?: number | null;
  cohenKappa: number | null;
  fleissKappa: number | null;
  alpha: number | null;
  notes: string[];
}
interface Agreement {
  coders: string[];
  codes: Array<Figures & { code: string }>;
  pooled: Figures;
}
interface Dispute {
  document: string;
  segment: number;
  code: string;
  codedBy: string[];
  notCodedBy: string[];
  text: string;
  split: number;
}
interface ClassData {
  documents: Array<{ id: string; segments: number }>;
  progress: Array<{ coder: string; codings: number; documents: number; segments: number; codes: number; lastActivity: string | null }>;
  agreement: {
    coders: string[];
    reference: string | null;
    all: Agreement;
    versusReference: Array<{ coder: string; agreement: Agreement }>;
    disputes: Dispute[];
  };
}
interface Passage {
  document: string;
  segment: number;
  speaker: string | null;
  text: string;
  start: number;
  end: number;
  spans: Array<{ coder: string; code: string; start: number; end: number }>;
}
interface Reveals {
  all: boolean;
  documents: string[];
}

const figure = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(2));
const percent = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '—' : `${Math.round(x * 100)}%`);
/** Disputes shown at once (the list is ranked; the rest are in the export). */
const SHOWN_DISPUTES = 25;

/** The class view screen (`#/class?reference=…`). */
export function classScreen(): Screen {
  let root: HTMLElement;
  let reference = '';
  let anonymous = localStorage.getItem('qda.anonymous') === 'on';
  let data: ClassData | null = null;
  let reveals: Reveals = { all: false, documents: [] };

  /** A coder's name, or "Coder n" while names are hidden for projecting. */
  const shown = (coder: string) => {
    if (!anonymous || !data) return coder;
    if (coder === reference) return t('reference');
    return `${t('coder')} ${data.agreement.coders.filter((c) => c !== reference).indexOf(coder) + 1}`;
  };

  async function load(): Promise<void> {
    [data, reveals] = await Promise.all([get<ClassData>(`/api/class${query({ reference })}`), get<Reveals>('/api/team/reveals')]);
    draw();
  }

  async function reveal(document: string | null, revealed: boolean): Promise<void> {
    reveals = await write<Reveals>('POST', '/api/team/reveals', { document, revealed });
    toast(revealed ? t('revealed') : t('hiddenAgain'));
    draw();
  }

  async function openPassage(d: Dispute): Promise<void> {
    const panel = root.querySelector<HTMLElement>('.passage')!;
    const p = await get<Passage>(`/api/class/passage${query({ document: d.document, segment: String(d.segment) })}`);
    const coders = data!.agreement.coders;
    const chars = [...p.text];
    const row = (coder: string) => {
      const mine = p.spans.filter((s) => s.coder === coder && s.code === d.code);
      const marks: Child[] = [];
      let at = 0;
      for (const s of [...mine].sort((a, b) => a.start - b.start)) {
        const from = Math.max(at, s.start - p.start);
        const to = Math.max(from, s.end - p.start);
        const mark = h('mark', {}, chars.slice(from, to).join(''));
        // Set through the CSSOM: the CSP refuses style attributes.
        mark.style.background = `${codeColor(s.code)}33`;
        mark.style.boxShadow = `inset 0 -3px ${codeColor(s.code)}`;
        marks.push(chars.slice(at, from).join(''), mark);
        at = to;
      }
      marks.push(chars.slice(at).join(''));
      const others = [...new Set(p.spans.filter((s) => s.coder === coder && s.code !== d.code).map((s) => codeLabel(s.code)))];
      return h(
        'div',
        { class: `passage-row${d.codedBy.includes(coder) ? ' applied' : ''}` },
        h(
          'div',
          { class: 'who' },
          shown(coder),
          h(
            'span',
            { class: 'verdict' },
            d.codedBy.includes(coder)
              ? ` ✓ ${codeLabel(d.code)}`
              : d.notCodedBy.includes(coder)
                ? ` ✗ ${t('notApplied')}`
                : ` · ${t('noValue')}`,
          ),
        ),
        h('p', { class: 'passage-text' }, marks),
        others.length ? h('p', { class: 'sub' }, `${t('alsoCoded')}: ${others.join(', ')}`) : null,
      );
    };
    const absent = coders.filter((c) => !d.codedBy.includes(c) && !d.notCodedBy.includes(c));
    replace(
      panel,
      h('h2', {}, `${p.document} · ${t('turn')} ${p.segment}${p.speaker ? ` · ${p.speaker}` : ''} — ${codeLabel(d.code)}`),
      h('div', { class: 'passage-rows' }, coders.filter((c) => !absent.includes(c)).map(row)),
      absent.length ? h('p', { class: 'sub' }, `${absent.map(shown).join(', ')}: ${t('noValue')}`) : null,
      h('a', { href: `#/doc/${encodeURIComponent(p.document)}?turn=${p.segment}` }, t('openInDocument')),
    );
    panel.scrollIntoView({ block: 'nearest' });
  }

  function agreementTable(title: string, result: Agreement, kappa: 'cohenKappa' | 'fleissKappa'): HTMLElement {
    // Codes nobody applied agree trivially: leave them out of the table.
    const rows = result.codes.filter((c) => c.units > 0 && (c.applied ?? []).some((n) => n > 0));
    return h(
      'section',
      {},
      h('h3', {}, title),
      h(
        'table',
        { class: 'agreement' },
        tableHead(t('code'), [t('units'), t('alpha'), kappa === 'fleissKappa' ? t('fleiss') : t('kappa'), t('percent')]),
        h(
          'tbody',
          {},
          rows.map((c) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, codeLabel(c.code)),
              h('td', { class: 'num' }, c.units),
              h('td', { class: 'num' }, figure(c.alpha)),
              h('td', { class: 'num' }, figure(c[kappa])),
              h('td', { class: 'num' }, percent(c.percentAgreement ?? c.percent_agreement)),
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
            h('td', { class: 'num' }, figure(result.pooled.alpha)),
            h('td', { class: 'num' }, figure(result.pooled[kappa])),
            h('td', { class: 'num' }, percent(result.pooled.percentAgreement ?? result.pooled.percent_agreement)),
          ),
        ),
      ),
    );
  }

  function draw(): void {
    if (!data) return;
    const coders = data.agreement.coders;
    const total = data.documents.length;
    const started = new Set(data.progress.filter((p) => p.codings > 0).map((p) => p.coder));
    replace(
      root,
      h(
        'div',
        { class: 'class-head' },
        h('h1', {}, t('classView')),
        h(
          'label',
          {},
          `${t('reference')} `,
          h(
            'select',
            {
              onchange: (e: Event) => {
                reference = (e.target as HTMLSelectElement).value;
                history.replaceState(null, '', `#/class${query({ reference })}`);
                void load();
              },
            },
            h('option', { value: '' }, t('noReference')),
            coders.map((c) => h('option', { value: c, selected: c === reference }, shown(c))),
          ),
        ),
        h(
          'label',
          {},
          h('input', {
            type: 'checkbox',
            checked: anonymous,
            onchange: (e: Event) => {
              anonymous = (e.target as HTMLInputElement).checked;
              localStorage.setItem('qda.anonymous', anonymous ? 'on' : 'off');
              draw();
            },
          }),
          ` ${t('hideNames')}`,
        ),
        h(
          'span',
          { class: 'exports' },
          `${t('export')}: `,
          h('a', { href: '/api/class/export?format=csv', download: '' }, 'CSV'),
          ' · ',
          h('a', { href: '/api/class/export?format=qdpx', download: '' }, 'QDPX'),
          ' · ',
          h('a', { href: `/api/class/export${query({ format: 'agreement', reference })}`, download: '' }, t('agreementTables')),
        ),
      ),
      h(
        'section',
        { class: 'reveal' },
        h('h2', {}, t('blindCoding')),
        h('p', { class: 'sub' }, reveals.all ? t('allRevealed') : t('blindHelp')),
        h('button', { onclick: () => void reveal(null, !reveals.all) }, reveals.all ? t('hideAll') : t('revealAll')),
        h(
          'ul',
          { class: 'chips', role: 'list' },
          data.documents.map((d) => {
            const open = reveals.all || reveals.documents.includes(d.id);
            return h(
              'li',
              {},
              h(
                'button',
                {
                  class: `chip${open ? ' on' : ''}`,
                  'aria-pressed': open ? 'true' : 'false',
                  disabled: reveals.all,
                  onclick: () => void reveal(d.id, !open),
                },
                `${open ? '👁 ' : ''}${d.id}`,
              ),
            );
          }),
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, t('classProgress')),
        h(
          'table',
          { class: 'progress' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [t('coder'), t('codings'), t('documents'), t('turns'), t('codes'), t('lastActivity')].map((x, i) =>
                h('th', { scope: 'col', class: i ? 'num' : undefined }, x),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            data.progress.map((p) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, shown(p.coder)),
                h('td', { class: 'num' }, p.codings),
                h(
                  'td',
                  { class: 'num' },
                  h('meter', { min: 0, max: total, value: p.documents, title: `${p.documents} / ${total}` }),
                  ` ${p.documents}/${total}`,
                ),
                h('td', { class: 'num' }, p.segments),
                h('td', { class: 'num' }, p.codes),
                h('td', { class: 'num' }, p.lastActivity ? new Date(p.lastActivity).toLocaleTimeString() : '—'),
              ),
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'class-agreement' },
        h('h2', {}, t('agreement')),
        h('p', { class: 'sub' }, t('unitNote')),
        data.agreement.versusReference.length
          ? h(
              'table',
              { class: 'agreement versus' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { scope: 'col' }, `${t('coder')} vs ${shown(reference)}`),
                  h('th', { scope: 'col', class: 'num' }, t('alpha')),
                  h('th', { scope: 'col', class: 'num' }, t('kappa')),
                  h('th', { scope: 'col', class: 'num' }, t('percent')),
                ),
              ),
              h(
                'tbody',
                {},
                data.agreement.versusReference
                  .filter((v) => started.has(v.coder))
                  .map((v) =>
                    h(
                      'tr',
                      {},
                      h('th', { scope: 'row' }, shown(v.coder)),
                      h('td', { class: 'num' }, figure(v.agreement.pooled.alpha)),
                      h('td', { class: 'num' }, figure(v.agreement.pooled.cohenKappa)),
                      h('td', { class: 'num' }, percent(v.agreement.pooled.percentAgreement)),
                    ),
                  ),
              ),
            )
          : h('p', { class: 'hint' }, t('pickReference')),
        agreementTable(t('allCoders'), data.agreement.all, 'fleissKappa'),
        data.agreement.versusReference
          .filter((v) => started.has(v.coder))
          .map((v) =>
            h(
              'details',
              {},
              h('summary', {}, `${shown(v.coder)} vs ${shown(reference)}: ${t('perCode')}`),
              agreementTable('', v.agreement, 'cohenKappa'),
            ),
          ),
      ),
      h(
        'section',
        { class: 'disputes' },
        h('h2', {}, `${t('mostDisputed')} (${data.agreement.disputes.length})`),
        h(
          'ol',
          { class: 'disagreements', role: 'list' },
          data.agreement.disputes
            .slice(0, SHOWN_DISPUTES)
            .map((d) =>
              h(
                'li',
                {},
                h('button', { class: 'link', onclick: () => void openPassage(d) }, `${d.document} · ${t('turn')} ${d.segment}`),
                h('strong', {}, ` ${codeLabel(d.code)} `),
                h('span', { class: 'split' }, `${d.codedBy.length} ${t('yes')} / ${d.notCodedBy.length} ${t('no')}`),
                h('p', { class: 'context' }, d.text.length > 220 ? `${d.text.slice(0, 220)}…` : d.text),
              ),
            ),
        ),
      ),
      h('section', { class: 'passage', 'aria-live': 'polite' }),
    );
  }

  return {
    async mount(el, params) {
      root = el;
      reference = params.get('reference') ?? '';
      replace(root, h('p', { class: 'hint' }, t('loading')));
      try {
        await load();
      } catch (e) {
        replace(root, h('p', { class: 'error', role: 'alert' }, (e as Error).message));
      }
    },
    refresh: load,
  };
}

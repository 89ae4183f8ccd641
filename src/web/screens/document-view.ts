// The document view: turns with speaker and time in the gutter, coded spans as underlines in
// their code's colour (dashed for suggestions) and as labelled stripes in lanes in the margin.
// Select with the mouse or the keyboard, then a key 1–9, the palette (/), V or N codes it.
// Only the turns a change touches are drawn again.
import { OffsetMap } from '../../text/offsets.js';
import { ApiError, get, write, type ApiCoding, type ApiDocument, type ApiMemo } from '../api.js';
import { askText, editMemo, toast } from '../dialogs.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { assignLanes } from '../lanes.js';
import { openPalette } from '../palette.js';
import type { Screen } from '../screen.js';
import { app, codeById, codeColor, codeLabel, pinnedCodes, refresh, useCode } from '../state.js';
import { nextWordEnd, nextWordStart, previousWordStart, snapToWords } from '../words.js';

/** A coding with its UTF-16 span in the document text. */
interface Shown extends ApiCoding {
  s: number;
  e: number;
}

interface Turn {
  index: number;
  speaker: string | null;
  role: string | null;
  timestamp: string | null;
  s: number;
  e: number;
}

const MAX_UNDERLINES = 4;

/** The document view of one document (`#/doc/<id>`). */
export function documentScreen(): Screen {
  let root: HTMLElement;
  let doc: ApiDocument;
  let offsets: OffsetMap;
  let turns: Turn[] = [];
  let codings: Shown[] = [];
  let lanes = new Map<number, number>();
  const turnEls: HTMLElement[] = [];
  let transcript: HTMLElement;
  let side: HTMLElement;
  let anchor = 0;
  let head = 0;
  let selection: { s: number; e: number } | null = null;
  let focusId: number | null = null;
  let edge: 'start' | 'end' | null = null;
  let show = { mine: true, others: true, machine: true };
  let nextTemp = -1;

  const cp = (utf16: number) => offsets.toCodePoint(utf16);
  // A team coder's accepted copy of a suggestion is theirs (origin auto, coder them): shown with their own.
  const visible = (c: Shown) =>
    c.status !== 'rejected' && (c.coder === app.coder ? show.mine : c.origin === 'auto' ? show.machine : show.others);
  const focused = () => codings.find((c) => c.id === focusId) ?? null;
  const turnAt = (offset: number) => {
    let lo = 0;
    let hi = turns.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (turns[mid].s <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  async function load(id: string): Promise<void> {
    doc = await get<ApiDocument>(`/api/documents/${encodeURIComponent(id)}`);
    offsets = new OffsetMap(doc.text);
    turns = doc.turns.map((tr) => ({
      index: tr.index,
      speaker: tr.speaker,
      role: tr.role,
      timestamp: tr.timestamp,
      s: offsets.toUtf16(tr.start),
      e: offsets.toUtf16(tr.end),
    }));
    setCodings(doc.codings);
  }

  function setCodings(list: ApiCoding[]): void {
    codings = list.map((c) => ({ ...c, s: offsets.toUtf16(c.start), e: offsets.toUtf16(c.end) })).sort((a, b) => a.s - b.s || a.id - b.id);
    lanes = assignLanes(codings.filter(visible).map((c) => ({ id: c.id, start: c.s, end: c.e })));
  }

  /** A lane for a coding added since the last full layout, without moving the others. */
  function laneFor(c: Shown): number {
    const used = new Set(codings.filter((o) => o.id !== c.id && o.s < c.e && o.e > c.s && lanes.has(o.id)).map((o) => lanes.get(o.id)!));
    let lane = 0;
    while (used.has(lane)) lane++;
    lanes.set(c.id, lane);
    return lane;
  }

  function draw(): void {
    const attrs = Object.entries(doc.attributes).filter(
      ([k, v]) => !['id', 'title', 'participants'].includes(k) && v !== null && typeof v !== 'object',
    );
    transcript = h('div', {
      class: 'transcript',
      role: 'document',
      'aria-label': `${t('transcript')} ${doc.id}`,
      'aria-describedby': 'selection-info',
      tabindex: 0,
    });
    transcript.addEventListener('mouseup', onMouseUp);
    transcript.addEventListener('keyup', (e) => {
      if (e.key.startsWith('Arrow') && !edge) syncNativeSelection();
    });
    side = h('aside', { class: 'side', 'aria-label': t('selection') });
    turnEls.length = 0;
    const fragment = document.createDocumentFragment();
    turns.forEach((_, i) => {
      const el = drawTurn(i);
      turnEls.push(el);
      fragment.append(el);
    });
    transcript.append(fragment);
    const filter = (key: keyof typeof show, label: string) =>
      h(
        'label',
        { class: 'toggle' },
        h('input', {
          type: 'checkbox',
          checked: show[key],
          onchange: (e: Event) => {
            show = { ...show, [key]: (e.target as HTMLInputElement).checked };
            setCodings(codings);
            redrawAll();
          },
        }),
        ` ${label}`,
      );
    replace(
      root,
      h(
        'div',
        { class: 'doc-head' },
        h(
          'div',
          {},
          h('h1', {}, doc.id, typeof doc.attributes.title === 'string' ? h('span', { class: 'sub' }, ` — ${doc.attributes.title}`) : null),
          h(
            'div',
            { class: 'attrs' },
            attrs.map(([k, v]) => h('span', { class: 'chip small' }, `${k}: ${String(v)}`)),
          ),
        ),
        h(
          'div',
          { class: 'head-tools' },
          h(
            'fieldset',
            { class: 'filters' },
            h('legend', {}, t('show')),
            filter('mine', t('mine')),
            filter('others', t('others')),
            filter('machine', t('machine')),
          ),
          h('button', { onclick: () => toggleHighlights() }, t('hideHighlights')),
          h('button', { onclick: () => void documentMemo() }, t('documentMemo')),
        ),
      ),
      h('div', { class: 'doc-body' }, transcript, side),
    );
    drawSide();
  }

  function drawTurn(i: number): HTMLElement {
    const turn = turns[i];
    const here = codings.filter((c) => visible(c) && c.s < turn.e && c.e > turn.s);
    const text = h('p', { class: 'text' });
    const cuts = new Set([turn.s, turn.e]);
    for (const c of here) {
      cuts.add(Math.max(c.s, turn.s));
      cuts.add(Math.min(c.e, turn.e));
    }
    const points = [...cuts].sort((a, b) => a - b);
    let previousCount = 0;
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const covering = here.filter((c) => c.s <= a && c.e >= b).sort((x, y) => (lanes.get(x.id) ?? 0) - (lanes.get(y.id) ?? 0));
      const piece = h('span', { class: 'piece', 'data-s': a }, doc.text.slice(a, b));
      if (covering.length > 0) styleCovered(piece, covering, previousCount);
      previousCount = covering.length;
      text.append(piece);
    }
    const maxLane = Math.max(-1, ...here.map((c) => lanes.get(c.id) ?? 0));
    const margin = h('div', { class: 'margin', 'aria-label': `${here.length} ${t('codings')}` });
    for (const c of here) {
      const lane = lanes.get(c.id) ?? laneFor(c);
      const bar = h('span', {
        class: `lane-bar${c.s < turn.s ? ' continues-up' : ''}${c.e > turn.e ? ' continues-down' : ''}${c.status === 'suggested' ? ' dashed' : ''}`,
        'aria-hidden': 'true',
      });
      bar.style.left = `${lane * 7}px`;
      bar.style.setProperty('--c', codeColor(c.code));
      margin.append(bar);
    }
    const labels = h('ul', { class: 'stripes', role: 'list' });
    labels.style.paddingLeft = `${(Math.min(maxLane, 8) + 1) * 7 + 4}px`;
    for (const c of here.sort((x, y) => (lanes.get(x.id) ?? 0) - (lanes.get(y.id) ?? 0))) {
      const label = h(
        'button',
        {
          class: `stripe${c.id === focusId ? ' focused' : ''}${c.status === 'suggested' ? ' suggested' : ''}`,
          title: `${c.code} — ${c.coder}, ${c.origin}/${c.status}, ${c.updatedAt.slice(0, 10)}${c.memo ? `\n✎ ${c.memo}` : ''}`,
          'aria-pressed': c.id === focusId ? 'true' : 'false',
          onclick: () => {
            setFocus(c.id);
            transcript.focus({ preventScroll: true });
          },
        },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        codeLabel(c.code),
        c.coder !== app.coder ? h('span', { class: 'who' }, ` ${c.coder}`) : null,
        c.memo ? h('span', { class: 'memo-mark', 'aria-label': t('memo') }, ' ✎') : null,
      );
      (label.firstChild as HTMLElement).style.background = codeColor(c.code);
      labels.append(h('li', {}, label));
    }
    margin.append(labels);
    return h(
      'div',
      { class: 'turn', id: `turn-${turn.index}`, 'data-i': i },
      h(
        'div',
        { class: 'gutter' },
        h('span', { class: 'num', 'aria-label': `${t('turn')} ${turn.index}` }, turn.index),
        turn.speaker ? h('span', { class: 'speaker' }, turn.speaker) : null,
        turn.role ? h('span', { class: 'role' }, turn.role) : null,
        turn.timestamp ? h('span', { class: 'time' }, turn.timestamp) : null,
      ),
      text,
      margin,
    );
  }

  function styleCovered(piece: HTMLElement, covering: Shown[], previousCount: number): void {
    const shown = covering.slice(0, MAX_UNDERLINES);
    const images: string[] = [];
    const positions: string[] = [];
    shown.forEach((c, k) => {
      const color = codeColor(c.code);
      images.push(
        c.status === 'suggested'
          ? `repeating-linear-gradient(90deg, ${color} 0 5px, transparent 5px 8px)`
          : `linear-gradient(${color}, ${color})`,
      );
      positions.push(`0 calc(100% - ${k * 4}px)`);
    });
    piece.classList.add('coded');
    piece.style.backgroundImage = images.join(', ');
    piece.style.backgroundPosition = positions.join(', ');
    piece.style.backgroundSize = shown.map(() => '100% 2px').join(', ');
    piece.style.paddingBottom = `${shown.length * 4 - 2}px`;
    const inFocus = focused();
    if (inFocus && covering.some((c) => c.code === inFocus.code)) piece.style.backgroundColor = `${codeColor(inFocus.code)}2e`;
    piece.title = covering.map((c) => `${codeLabel(c.code)} (${c.coder})`).join('\n');
    if (covering.length > 1 && covering.length !== previousCount) {
      piece.dataset.n = String(covering.length);
      piece.classList.add('overlap');
    }
  }

  /** Draw again the turns a span touches. */
  function redrawSpan(s: number, e: number): void {
    const from = turnAt(s);
    const to = turnAt(Math.max(s, e - 1));
    for (let i = from; i <= to; i++) {
      const el = drawTurn(i);
      turnEls[i].replaceWith(el);
      turnEls[i] = el;
    }
  }

  function redrawAll(): void {
    for (let i = 0; i < turns.length; i++) {
      const el = drawTurn(i);
      turnEls[i].replaceWith(el);
      turnEls[i] = el;
    }
    drawSide();
  }

  function drawSide(): void {
    const c = focused();
    const sel = selection;
    const quote = sel ? doc.text.slice(sel.s, sel.e) : '';
    replace(
      side,
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'sel-h' },
        h('h2', { id: 'sel-h' }, t('selection')),
        h(
          'p',
          { id: 'selection-info', class: sel ? 'quote' : 'hint' },
          sel ? `“${quote.length > 220 ? `${quote.slice(0, 220)}…` : quote}”` : t('noSelection'),
        ),
        sel
          ? h(
              'div',
              { class: 'row' },
              h('button', { onclick: () => void pickAndApply() }, `${t('pickCode')} (/)`),
              h('button', { onclick: () => void inVivo() }, `${t('inVivo')} (V)`),
              h('button', { onclick: () => void newCode() }, `${t('newCodeFromSelection')} (N)`),
            )
          : null,
      ),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'pin-h' },
        h('h2', { id: 'pin-h' }, t('pinned')),
        h(
          'ol',
          { class: 'pinned' },
          pinnedCodes().map((code, i) => {
            const button = h(
              'button',
              { class: 'pin', disabled: !sel, onclick: () => void apply(code.id) },
              h('kbd', {}, String(i + 1)),
              h('span', { class: 'dot', 'aria-hidden': 'true' }),
              codeLabel(code.id),
            );
            (button.children[1] as HTMLElement).style.background = codeColor(code.id);
            return h('li', {}, button);
          }),
        ),
      ),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'focus-h' },
        h('h2', { id: 'focus-h' }, t('focused')),
        c ? focusCard(c) : h('p', { class: 'hint' }, t('noFocus')),
      ),
      edge && c ? h('p', { class: 'edge-mode', role: 'status' }, t('edgeMode', { edge: t(edge), code: codeLabel(c.code) })) : null,
    );
  }

  function focusCard(c: Shown): HTMLElement {
    const code = codeById(c.code);
    const card = h(
      'div',
      { class: 'focus-card' },
      h(
        'div',
        { class: 'code-name' },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        codeLabel(c.code),
        h('span', { class: 'code-id' }, ` ${c.code}`),
      ),
      h(
        'dl',
        {},
        h('dt', {}, t('coderOf')),
        h('dd', {}, c.coder),
        h('dt', {}, t('status')),
        h('dd', {}, `${c.origin} · ${t(`st_${c.status}`)}`),
        h('dt', {}, t('created')),
        h('dd', {}, c.createdAt.slice(0, 16).replace('T', ' ')),
        c.matches.length ? [h('dt', {}, t('matched')), h('dd', {}, c.matches.join(', '))] : null,
      ),
      c.memo ? h('p', { class: 'memo' }, `✎ ${c.memo}`) : null,
      code?.definition ? h('p', { class: 'definition' }, code.definition) : null,
      h(
        'div',
        { class: 'row' },
        c.status === 'suggested'
          ? [
              h('button', { class: 'primary', onclick: () => void setStatus(c, 'accepted') }, t('accept')),
              h('button', { onclick: () => void setStatus(c, 'rejected') }, t('reject')),
            ]
          : null,
        h('button', { onclick: () => void memoOn(c) }, `${t('memo')} (M)`),
        h('button', { onclick: () => startEdge('start') }, t('editStart')),
        h('button', { onclick: () => startEdge('end') }, t('editEnd')),
        h('button', { class: 'danger', onclick: () => void remove(c) }, `${t('remove')} (U)`),
      ),
    );
    (card.querySelector('.dot') as HTMLElement).style.background = codeColor(c.code);
    return card;
  }

  function setFocus(id: number | null, scroll = false): void {
    const before = focused();
    focusId = id;
    edge = null;
    const c = focused();
    // The tint follows the code in focus: draw the turns of both codes again.
    for (const code of new Set([before?.code, c?.code].filter(Boolean)))
      for (const o of codings.filter((x) => x.code === code && visible(x))) redrawSpan(o.s, o.e);
    if (c && scroll) turnEls[turnAt(c.s)]?.scrollIntoView({ block: 'center' });
    drawSide();
  }

  // --- selection -------------------------------------------------------------------------

  function pointOffset(node: Node, offset: number): number | null {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const piece = el?.closest?.('.piece') as HTMLElement | null;
    if (piece)
      return Number(piece.dataset.s) + (node.nodeType === Node.TEXT_NODE ? offset : offset > 0 ? (piece.textContent ?? '').length : 0);
    const p = el?.closest?.('.text');
    if (p) {
      const child = p.childNodes[Math.min(offset, p.childNodes.length - 1)] as HTMLElement | undefined;
      if (!child) return null;
      return Number(child.dataset.s) + (offset >= p.childNodes.length ? (child.textContent ?? '').length : 0);
    }
    const turnEl = el?.closest?.('.turn') as HTMLElement | null;
    if (turnEl) return turns[Number(turnEl.dataset.i)].s;
    return null;
  }

  function onMouseUp(): void {
    const native = window.getSelection();
    if (!native || native.rangeCount === 0) return;
    const a = pointOffset(native.anchorNode!, native.anchorOffset);
    const f = pointOffset(native.focusNode!, native.focusOffset);
    if (a === null || f === null) return;
    if (a === f) {
      anchor = head = a;
      selection = null;
      const here = codings.filter((c) => visible(c) && c.s <= a && c.e > a).sort((x, y) => x.e - x.s - (y.e - y.s));
      if (here.length > 0) setFocus(here[0].id);
      else drawSide();
      return;
    }
    anchor = a;
    head = f;
    selection = snap();
    syncNativeSelection();
    drawSide();
  }

  function snap(): { s: number; e: number } | null {
    const span = snapToWords(doc.text, Math.min(anchor, head), Math.max(anchor, head));
    return span ? { s: span.start, e: span.end } : null;
  }

  function domPoint(offset: number): [Node, number] | null {
    const i = turnAt(offset);
    const pieces = turnEls[i]?.querySelectorAll<HTMLElement>('.piece') ?? [];
    for (const piece of pieces) {
      const s = Number(piece.dataset.s);
      const len = piece.firstChild?.textContent?.length ?? 0;
      if (offset >= s && offset <= s + len && piece.firstChild) return [piece.firstChild, offset - s];
    }
    return null;
  }

  function syncNativeSelection(): void {
    const native = window.getSelection();
    if (!native) return;
    const from = domPoint(selection ? (anchor <= head ? selection.s : selection.e) : head);
    const to = domPoint(selection ? (anchor <= head ? selection.e : selection.s) : head);
    if (from && to) native.setBaseAndExtent(from[0], from[1], to[0], to[1]);
    turnEls[turnAt(head)]?.scrollIntoView({ block: 'nearest' });
  }

  function moveCaret(forward: boolean, extend: boolean): void {
    const text = doc.text;
    if (extend) {
      head = forward ? nextWordEnd(text, head) : previousWordStart(text, head);
      selection = snap();
    } else {
      head = forward ? nextWordStart(text, selection ? selection.e : head) : previousWordStart(text, selection ? selection.s : head);
      anchor = head;
      selection = null;
    }
    syncNativeSelection();
    drawSide();
  }

  function moveTurn(forward: boolean): void {
    const i = Math.max(0, Math.min(turns.length - 1, turnAt(head) + (forward ? 1 : -1)));
    anchor = head = turns[i].s;
    selection = null;
    syncNativeSelection();
    turnEls[i].scrollIntoView({ block: 'start' });
    drawSide();
  }

  // --- actions -----------------------------------------------------------------------------

  async function reloadCodings(): Promise<void> {
    const list = await get<ApiCoding[]>(`/api/codings?document=${encodeURIComponent(doc.id)}`);
    const before = new Map(codings.map((c) => [c.id, c]));
    const next = list.map((c) => ({ ...c, s: offsets.toUtf16(c.start), e: offsets.toUtf16(c.end) }));
    const changed = [
      ...next.filter((c) => {
        const b = before.get(c.id);
        return !b || b.s !== c.s || b.e !== c.e || b.status !== c.status || b.memo !== c.memo || b.code !== c.code;
      }),
      ...codings.filter((c) => !next.some((n) => n.id === c.id)),
    ];
    codings = next.sort((a, b) => a.s - b.s || a.id - b.id);
    for (const c of changed) if (!lanes.has(c.id) && visible(c)) laneFor(c);
    for (const c of changed) redrawSpan(c.s, c.e);
    drawSide();
  }

  async function apply(code: string): Promise<void> {
    const sel = selection;
    if (!sel) return toast(t('noSelection'));
    if (!app.coder) return toast(t('whoAreYou'), 'error');
    useCode(code);
    // Shown at once; the saved coding (merged with touching spans of the same code) replaces it.
    const now = new Date().toISOString();
    const temp: Shown = {
      id: nextTemp--,
      document: doc.id,
      start: cp(sel.s),
      end: cp(sel.e),
      s: sel.s,
      e: sel.e,
      code,
      coder: app.coder,
      origin: 'manual',
      status: 'accepted',
      memo: null,
      matches: [],
      hits: [],
      score: null,
      explanation: [],
      createdAt: now,
      updatedAt: now,
    };
    codings.push(temp);
    laneFor(temp);
    selection = null;
    redrawSpan(sel.s, sel.e);
    drawSide();
    try {
      const saved = await write<ApiCoding>('POST', '/api/codings', { document: doc.id, code, start: temp.start, end: temp.end });
      codings = codings.filter((c) => c.id !== temp.id);
      lanes.delete(temp.id);
      await reloadCodings();
      focusId = saved.id;
      drawSide();
    } catch {
      codings = codings.filter((c) => c.id !== temp.id);
      redrawSpan(sel.s, sel.e);
    }
  }

  async function pickAndApply(): Promise<void> {
    if (!selection) return toast(t('noSelection'));
    const choice = await openPalette();
    transcript.focus();
    if (!choice) return;
    if ('code' in choice) return apply(choice.code);
    await createCode(choice.create);
  }

  async function createCode(id: string, label?: string): Promise<void> {
    const cleaned = id.trim().replace(/\s*\/\s*/g, '/');
    await write('POST', '/api/codebook/codes', { id: cleaned, ...(label ? { labels: { [app.codebook?.language ?? 'en']: label } } : {}) });
    await refresh();
    await apply(cleaned);
  }

  async function newCode(): Promise<void> {
    if (!selection) return toast(t('noSelection'));
    const id = await askText(t('newCodeFromSelection'), t('codeId'));
    transcript.focus();
    if (id) await createCode(id);
  }

  async function inVivo(): Promise<void> {
    if (!selection) return toast(t('noSelection'));
    const words = doc.text.slice(selection.s, selection.e).replace(/\s+/g, ' ').trim();
    const label = words.length > 60 ? `${words.slice(0, 60)}…` : words;
    const slug =
      words
        .toLocaleLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'in-vivo';
    if (!codeById('in-vivo'))
      await write('POST', '/api/codebook/codes', { id: 'in-vivo', labels: { en: 'in-vivo codes', id: 'kode in-vivo' } });
    let id = `in-vivo/${slug}`;
    for (let n = 2; codeById(id); n++) id = `in-vivo/${slug}-${n}`;
    await createCode(id, `“${label}”`);
  }

  async function remove(c: Shown): Promise<void> {
    codings = codings.filter((x) => x.id !== c.id);
    focusId = null;
    redrawSpan(c.s, c.e);
    drawSide();
    try {
      await write('DELETE', `/api/codings/${c.id}`);
    } catch {
      await reloadCodings();
    }
  }

  async function uncode(): Promise<void> {
    const c = focused();
    if (c) return remove(c);
    const here = codings.filter((x) => visible(x) && x.s <= head && x.e > head);
    if (here.length === 1) return remove(here[0]);
    if (here.length > 1) {
      setFocus(here[0].id);
      toast(`${t('whichCoding')} (O)`);
    }
  }

  async function setStatus(c: Shown, status: 'accepted' | 'rejected'): Promise<void> {
    await write('PATCH', `/api/codings/${c.id}`, { status });
    await reloadCodings();
  }

  async function memoOn(c: Shown): Promise<void> {
    const text = await editMemo(`${t('memoOn')} “${codeLabel(c.code)}”`, c.memo ?? '');
    transcript.focus();
    if (text === null) return;
    await write('PATCH', `/api/codings/${c.id}`, { memo: text });
    await reloadCodings();
  }

  async function documentMemo(): Promise<void> {
    const memos = await get<ApiMemo[]>(`/api/memos?kind=document&id=${encodeURIComponent(doc.id)}`);
    const existing = memos[0];
    const text = await editMemo(`${t('documentMemo')}: ${doc.id}`, existing?.text ?? '');
    if (text === null) return;
    if (existing && text.trim() === '') await write('DELETE', `/api/memos/${existing.id}`);
    else if (existing) await write('PATCH', `/api/memos/${existing.id}`, { text });
    else if (text.trim()) await write('POST', '/api/memos', { kind: 'document', id: doc.id, text });
  }

  function startEdge(which: 'start' | 'end'): void {
    if (!focused()) return;
    edge = which;
    transcript.focus();
    drawSide();
  }

  async function moveEdge(forward: boolean): Promise<void> {
    const c = focused();
    if (!c || !edge) return;
    const text = doc.text;
    let s = c.s;
    let e = c.e;
    if (edge === 'start') s = forward ? Math.min(nextWordStart(text, s), previousWordStart(text, e)) : previousWordStart(text, s);
    else {
      if (forward) e = nextWordEnd(text, e);
      else {
        let j = previousWordStart(text, e);
        while (j > s && !/[\p{L}\p{N}]/u.test(text[j - 1])) j--;
        e = j;
      }
    }
    if (e <= s || (s === c.s && e === c.e)) return;
    const [oldS, oldE] = [c.s, c.e];
    Object.assign(c, { s, e, start: cp(s), end: cp(e) });
    redrawSpan(Math.min(oldS, s), Math.max(oldE, e));
    drawSide();
    try {
      await write('PATCH', `/api/codings/${c.id}`, edge === 'start' ? { start: c.start } : { end: c.end });
    } catch (err) {
      if (err instanceof ApiError) await reloadCodings();
    }
  }

  function cycleOverlap(): void {
    const at = selection ? selection.s : head;
    const here = codings.filter((c) => visible(c) && c.s <= at && c.e > at);
    if (here.length === 0) return;
    const i = here.findIndex((c) => c.id === focusId);
    setFocus(here[(i + 1) % here.length].id);
  }

  function stepSameCode(forward: boolean): void {
    const c = focused();
    if (!c) return;
    const same = codings.filter((x) => x.code === c.code && visible(x));
    const i = same.findIndex((x) => x.id === c.id);
    const next = same[(i + (forward ? 1 : -1) + same.length) % same.length];
    if (next) setFocus(next.id, true);
  }

  async function goToTurn(): Promise<void> {
    const answer = await askText(t('goToTurn'), t('turnNumber'));
    transcript.focus({ preventScroll: true });
    const i = turns.findIndex((tr) => String(tr.index) === answer?.trim());
    if (i === -1) return;
    anchor = head = turns[i].s;
    selection = null;
    turnEls[i].scrollIntoView({ block: 'start' });
    turnEls[i].classList.add('flash');
    drawSide();
  }

  function toggleHighlights(): void {
    transcript.classList.toggle('plain');
  }

  return {
    async mount(el, params, path) {
      root = el;
      const id = path[0];
      if (!id) return replace(root, h('p', { class: 'empty' }, t('noDocuments')));
      await load(id);
      draw();
      const turn = Number(params.get('turn'));
      const coding = Number(params.get('coding'));
      if (coding && codings.some((c) => c.id === coding)) {
        setFocus(coding, true);
        if (params.get('edge') === 'start' || params.get('edge') === 'end') startEdge(params.get('edge') as 'start' | 'end');
      } else if (turn) {
        const i = turns.findIndex((tr) => tr.index === turn);
        if (i !== -1) {
          anchor = head = turns[i].s;
          turnEls[i].scrollIntoView({ block: 'center' });
          turnEls[i].classList.add('flash');
        }
      }
      transcript.focus({ preventScroll: true });
    },
    async refresh() {
      if (!doc) return;
      await load(doc.id);
      if (focusId !== null && !codings.some((c) => c.id === focusId)) focusId = null;
      redrawAll();
    },
    onKey(e) {
      if (!transcript) return false;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.shiftKey && e.key.toLowerCase() === 'h') return (toggleHighlights(), true);
      if (e.key === 'Escape') {
        if (edge) edge = null;
        else if (selection) selection = null;
        else focusId = null;
        window.getSelection()?.removeAllRanges();
        redrawAll();
        return true;
      }
      if (document.activeElement !== transcript && !transcript.contains(document.activeElement)) return false;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        if (edge && !e.shiftKey) return (void moveEdge(e.key === 'ArrowRight'), true);
        if (mod) return false;
        return (moveCaret(e.key === 'ArrowRight', e.shiftKey), true);
      }
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && mod) return (moveTurn(e.key === 'ArrowDown'), true);
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && e.altKey) return (stepSameCode(e.key === 'ArrowDown'), true);
      if (mod || e.altKey) return false;
      if (e.key === '/') return (void pickAndApply(), true);
      if (!app.singleKeys) {
        if (/^[1-9vnumog[\]]$/i.test(e.key)) toast(t('shortcutsOff'));
        return false;
      }
      if (/^[1-9]$/.test(e.key)) {
        const code = pinnedCodes()[Number(e.key) - 1];
        if (code) void apply(code.id);
        return true;
      }
      switch (e.key.toLowerCase()) {
        case 'v':
          return (void inVivo(), true);
        case 'n':
          return (void newCode(), true);
        case 'u':
          return (void uncode(), true);
        case 'm': {
          const c = focused();
          if (c) void memoOn(c);
          else void documentMemo();
          return true;
        }
        case 'o':
          return (cycleOverlap(), true);
        case 'g':
          return (void goToTurn(), true);
        case '[':
          return (startEdge('start'), true);
        case ']':
          return (startEdge('end'), true);
        default:
          return false;
      }
    },
  };
}

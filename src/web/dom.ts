// Building the page: elements are made with createElement, every string becomes a text node.
// Nothing here (or anywhere in web/) parses HTML, so transcript text, code names and memos can
// never run as markup.

/** Attributes and handlers of an element: `on*` functions become listeners, `class` the class list. */
export type Props = Record<string, string | number | boolean | null | undefined | ((event: never) => void)>;

/** A child: a node, text, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/**
 * Make an element with attributes, listeners and children (strings become text nodes).
 * @example h('button', { class: 'primary', onclick: save }, 'Save')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'class') el.className = String(value);
    else if (key === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else if (key === 'checked' && el instanceof HTMLInputElement) el.checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Append children (strings as text nodes). */
export function append(parent: Node, children: Array<Child | Child[]>): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replace an element's children. */
export function replace(parent: Element, ...children: Array<Child | Child[]>): void {
  parent.replaceChildren();
  append(parent, children);
}

/** True when a key event comes from a field where typing must not trigger shortcuts. */
export function isTyping(event: KeyboardEvent): boolean {
  const t = event.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
}

/**
 * A table's head: a text column, then columns of numbers (right-aligned).
 * @example h('table', {}, tableHead('Code', ['Units', 'κ']), body)
 */
export function tableHead(first: string, numeric: readonly string[]): HTMLElement {
  return h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col' }, first),
      numeric.map((label) => h('th', { scope: 'col', class: 'num' }, label)),
    ),
  );
}

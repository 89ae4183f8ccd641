// A labelled field with an optional hint under it: the hint is tied to the input for screen
// readers (aria-describedby) but kept out of its name.
import { h } from '../dom.js';

let fields = 0;

/** A field: the block to place in a form (label, input, hint) and its input. */
export function labelledField(text: string, input: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  const id = `field-${++fields}`;
  input.id = id;
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, text),
    input,
    hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null,
  );
}

/** A password field: the block to place in a form and its input. */
export function passwordField(
  text: string,
  autocomplete: 'current-password' | 'new-password',
  hint?: string,
): { field: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'password', required: true, autocomplete, spellcheck: false });
  return { field: labelledField(text, input, hint), input };
}

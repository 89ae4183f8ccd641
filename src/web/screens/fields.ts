// A labelled field with an optional hint under it: the hint is tied to the input for screen
// readers (aria-describedby) but kept out of its name.
import { PASSWORD_LENGTH } from '../../model/account.js';
import { FieldError } from '../dialogs.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

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

/**
 * A new password from its field, checked by the server's length rule first so the refusal is in
 * the interface's language; throws a {@link FieldError} on the field.
 */
export function checkedPassword(input: HTMLInputElement): string {
  const length = [...input.value].length;
  if (length < PASSWORD_LENGTH.min) throw new FieldError(t('passwordTooShort', { min: PASSWORD_LENGTH.min, n: length }), input);
  if (length > PASSWORD_LENGTH.max) throw new FieldError(t('passwordTooLong', { max: PASSWORD_LENGTH.max }), input);
  return input.value;
}

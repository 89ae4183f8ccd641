import { h, type Child } from './dom.js';
import { t } from './i18n.js';

/**
 * Show a modal dialog (a native <dialog>: focus is trapped, Esc closes) and resolve with what
 * `onSubmit` returns, or null when cancelled. The first field gets focus.
 */
export function showDialog<T>(title: string, body: Child[], onSubmit: () => T | null, submitLabel = t('save')): Promise<T | null> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'dialog', 'aria-label': title });
    const form = h(
      'form',
      { method: 'dialog' },
      h('h2', {}, title),
      ...body,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => dialog.close('cancel') }, t('cancel')),
        h('button', { type: 'submit', class: 'primary', value: 'ok' }, submitLabel),
      ),
    );
    let result: T | null = null;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      result = onSubmit();
      if (result !== null) dialog.close('ok');
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok' ? result : null);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    (dialog.querySelector('input, textarea, select') as HTMLElement | null)?.focus();
  });
}

/** A refusal that belongs to one field of a form: shown in the form, and the field gets focus. */
export class FieldError extends Error {
  constructor(
    message: string,
    readonly field: HTMLElement,
  ) {
    super(message);
  }
}

/**
 * A modal form whose submit talks to the server: `submit` runs on Enter or the button, and what
 * it throws is shown inside the form (the dialog stays open; focus goes to a {@link FieldError}'s
 * field, else `focusOnError`, else the first field); resolves with its result, or null when
 * cancelled (Esc or Cancel).
 */
export function showFormDialog<T>(
  title: string,
  body: Child[],
  submit: () => Promise<T>,
  submitLabel: string,
  focusOnError?: () => HTMLElement | null,
): Promise<T | null> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'dialog form-dialog', 'aria-label': title });
    const message = h('p', { class: 'error form-error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'primary' }, submitLabel);
    let result: { value: T } | null = null;
    const form = h(
      'form',
      {
        onsubmit: async (e: Event) => {
          e.preventDefault();
          message.textContent = '';
          button.disabled = true;
          try {
            result = { value: await submit() };
            dialog.close();
          } catch (err) {
            message.textContent = (err as Error).message;
            const field = err instanceof FieldError ? err.field : (focusOnError?.() ?? dialog.querySelector<HTMLElement>('input, select'));
            field?.focus();
          } finally {
            button.disabled = false;
          }
        },
      },
      h('h2', {}, title),
      ...body,
      message,
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => dialog.close() }, t('cancel')), button),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result ? result.value : null);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    (dialog.querySelector('input, textarea, select') as HTMLElement | null)?.focus();
  });
}

/** Ask for one line of text. */
export function askText(title: string, label: string, value = ''): Promise<string | null> {
  const input = h('input', { type: 'text', value, required: true, 'aria-label': label });
  return showDialog(title, [h('label', {}, label, input)], () => input.value.trim() || null);
}

/** Edit a memo (empty text removes it). */
export function editMemo(title: string, value: string): Promise<string | null> {
  const area = h('textarea', { rows: 8, 'aria-label': title, class: 'memo-text' });
  area.value = value;
  return showDialog(title, [area], () => area.value);
}

/** Ask yes or no. */
export function confirmAction(question: string, yes: string): Promise<boolean> {
  return showDialog(question, [], () => true, yes).then((r) => r === true);
}

/** Show a short message in the live region (read by screen readers too). */
export function toast(text: string, kind: 'info' | 'error' = 'info'): void {
  const region = document.getElementById('toasts');
  if (!region) return;
  const item = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
  region.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 2000);
}

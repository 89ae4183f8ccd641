// People (team mode, the owner): every account with its role; add a person, change a role, reset
// a password, remove an account. Each action is one call to /api/team/users.
import { ACCOUNT_NAME, PASSWORD_LENGTH, ROLES, type Role } from '../../model/account.js';
import { get, send } from '../api.js';
import { FieldError, showFormDialog, toast } from '../dialogs.js';
import { h, replace } from '../dom.js';
import { language, t } from '../i18n.js';
import type { Screen } from '../screen.js';
import { app } from '../state.js';
import { checkedPassword, labelledField } from './fields.js';

/** An account as `GET /api/team/users` lists it. */
interface ApiAccount {
  name: string;
  role: Role;
  createdAt: string;
  /** The last request of one of their sessions (ms since the epoch); null with no session. */
  lastSeenAt: number | null;
}

/** What the owner chose for a password: one typed, or one the server generates and shows once. */
type PasswordChoice = { password: string } | { generate: true };

/** The People screen (`#/people`, owner only). */
export function peopleScreen(): Screen {
  let root: HTMLElement;
  let accounts: ApiAccount[] = [];

  async function load(focus?: string): Promise<void> {
    accounts = await get<ApiAccount[]>('/api/team/users');
    draw();
    (root.querySelector<HTMLElement>(focus ?? '.people-head button') ?? null)?.focus();
  }

  function draw(): void {
    const me = app.member?.name;
    replace(
      root,
      h(
        'div',
        { class: 'people' },
        h(
          'div',
          { class: 'people-head' },
          h('h1', {}, t('people')),
          h('button', { class: 'primary', onclick: () => void addPerson() }, t('addPerson')),
        ),
        h('p', { class: 'hint' }, t('peopleHelp')),
        h('p', { class: 'hint' }, t('rolesHelp')),
        h(
          'table',
          { class: 'people-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('accountName')),
              h('th', { scope: 'col' }, t('role')),
              h('th', { scope: 'col' }, t('added')),
              h('th', { scope: 'col' }, t('lastSeen')),
              h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('actions'))),
            ),
          ),
          h(
            'tbody',
            {},
            accounts.map((a) => {
              const self = a.name === me;
              return h(
                'tr',
                { 'data-account': a.name },
                h('th', { scope: 'row' }, a.name, self ? h('span', { class: 'chip small' }, t('you')) : null),
                h(
                  'td',
                  {},
                  h(
                    'select',
                    {
                      'aria-label': `${t('role')}: ${a.name}`,
                      disabled: self,
                      title: self ? t('ownAccountHint') : undefined,
                      onchange: (e: Event) => void changeRole(a, (e.target as HTMLSelectElement).value as Role),
                    },
                    ROLES.map((r) => h('option', { value: r, selected: r === a.role }, roleName(r))),
                  ),
                ),
                h('td', {}, new Date(a.createdAt).toLocaleDateString(locale())),
                h(
                  'td',
                  a.lastSeenAt === null ? { class: 'sub' } : { title: new Date(a.lastSeenAt).toLocaleString(locale()) },
                  a.lastSeenAt === null ? t('notSignedIn') : ago(a.lastSeenAt),
                ),
                h(
                  'td',
                  { class: 'actions' },
                  self
                    ? h('a', { href: '#/account' }, t('yourAccount'))
                    : [
                        h('button', { class: 'small', onclick: () => void resetPassword(a) }, t('resetPassword')),
                        h('button', { class: 'small danger', onclick: () => void remove(a) }, t('removeAccount')),
                      ],
                ),
              );
            }),
          ),
        ),
      ),
    );
  }

  /** Asked first: arrow keys on a closed list change it at once, and the change signs the person out. */
  async function changeRole(account: ApiAccount, role: Role): Promise<void> {
    const changed = await showFormDialog(
      t('roleQuestion', { name: account.name, role: roleName(role) }),
      [h('p', {}, t('roleHelp', { name: account.name }))],
      () => send('PATCH', `/api/team/users/${encodeURIComponent(account.name)}`, { role }),
      t('changeRole'),
    );
    if (changed) toast(t('roleChanged', { name: account.name, role: roleName(role) }));
    await load(`tr[data-account="${CSS.escape(account.name)}"] select`);
  }

  async function addPerson(): Promise<void> {
    const name = h('input', {
      type: 'text',
      required: true,
      maxlength: 40,
      autocomplete: 'off',
      autocapitalize: 'none',
      spellcheck: false,
    });
    const role = h(
      'select',
      {},
      ROLES.map((r) => h('option', { value: r, selected: r === 'coder' }, roleName(r))),
    );
    const password = passwordChoice();
    const added = await showFormDialog(
      t('addPersonTitle'),
      [labelledField(t('accountName'), name, t('accountNameHelp')), labelledField(t('role'), role), password.fieldset],
      async () => {
        // Account names are lower-case, and sign-in lower-cases what is typed: "Sari" is sari.
        const account = name.value.trim().toLowerCase();
        if (!ACCOUNT_NAME.test(account)) throw new FieldError(t('accountNameRule'), name);
        return send<{ name: string; generated?: string }>('POST', '/api/team/users', {
          name: account,
          role: role.value,
          ...password.value(),
        });
      },
      t('add'),
      () => (password.typed() ? password.input : name),
    );
    if (!added) return;
    toast(t('addedAccount', { name: added.name }));
    if (added.generated) await showPasswordOnce(added.name, added.generated);
    await load();
  }

  async function resetPassword(account: ApiAccount): Promise<void> {
    const password = passwordChoice();
    const reset = await showFormDialog(
      t('resetPasswordTitle', { name: account.name }),
      [h('p', { class: 'hint' }, t('resetHelp', { name: account.name })), password.fieldset],
      async () => send<{ generated?: string }>('PATCH', `/api/team/users/${encodeURIComponent(account.name)}`, password.value()),
      t('save'),
      () => password.input,
    );
    if (!reset) return;
    if (reset.generated) await showPasswordOnce(account.name, reset.generated);
    await load(`tr[data-account="${CSS.escape(account.name)}"] button`);
  }

  async function remove(account: ApiAccount): Promise<void> {
    const removed = await showFormDialog(
      t('removeQuestion', { name: account.name }),
      [h('p', {}, t('removeHelp', { name: account.name }))],
      () => send('DELETE', `/api/team/users/${encodeURIComponent(account.name)}`),
      t('removeYes'),
    );
    if (!removed) return;
    toast(t('removedAccount', { name: account.name }));
    await load();
  }

  return {
    async mount(el) {
      root = el;
      if (!app.member) return void replace(root, h('p', { class: 'empty' }, t('noAccounts')));
      if (app.member.role !== 'owner') return void replace(root, h('p', { class: 'empty' }, t('ownerOnly')));
      await load();
    },
  };
}

function locale(): string {
  return language() === 'id' ? 'id-ID' : 'en-GB';
}

/** How long ago, in words: "just now" within two minutes (sessions note activity once a minute), then "5 minutes ago", "3 hours ago", "2 days ago". */
function ago(at: number): string {
  const minutes = Math.round((Date.now() - at) / 60_000);
  if (minutes < 2) return t('justNow');
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 48 * 60) return format.format(-Math.round(minutes / 60), 'hour');
  return format.format(-Math.round(minutes / (24 * 60)), 'day');
}

function roleName(role: Role): string {
  return t(role).toLowerCase();
}

/** The first-password choice of the add and reset dialogs: type one (at least the minimum length) or have one generated. */
function passwordChoice(): { fieldset: HTMLFieldSetElement; input: HTMLInputElement; typed(): boolean; value(): PasswordChoice } {
  const input = h('input', {
    type: 'text',
    class: 'secret',
    required: true,
    autocomplete: 'off',
    spellcheck: false,
    'aria-label': t('firstPassword'),
    'aria-describedby': 'password-rule',
  });
  const typedRadio = h('input', { type: 'radio', name: 'password-choice', value: 'typed', checked: true });
  const generatedRadio = h('input', { type: 'radio', name: 'password-choice', value: 'generate' });
  const update = () => {
    input.disabled = generatedRadio.checked;
    input.required = typedRadio.checked;
  };
  typedRadio.addEventListener('change', update);
  generatedRadio.addEventListener('change', update);
  const fieldset = h(
    'fieldset',
    { class: 'password-choice' },
    h('legend', {}, t('firstPassword')),
    h('label', { class: 'inline' }, typedRadio, t('typePassword')),
    input,
    h('span', { class: 'hint', id: 'password-rule' }, t('passwordRule', { min: PASSWORD_LENGTH.min })),
    h('label', { class: 'inline' }, generatedRadio, t('generatePassword')),
  );
  return {
    fieldset,
    input,
    typed: () => typedRadio.checked,
    value: () => (generatedRadio.checked ? { generate: true } : { password: checkedPassword(input) }),
  };
}

/** Show a generated password once, to copy and pass on; resolves when closed. */
function showPasswordOnce(name: string, password: string): Promise<void> {
  return new Promise((resolve) => {
    const field = h('input', {
      type: 'text',
      readonly: true,
      value: password,
      class: 'secret generated',
      'aria-label': t('passwordFor', { name }),
    });
    const copy = h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          field.select();
          try {
            await navigator.clipboard.writeText(password);
            copy.textContent = `✓ ${t('copied')}`;
          } catch {
            // No clipboard on a plain-HTTP network address: the text stays selected for Ctrl+C.
          }
        },
      },
      t('copy'),
    );
    const dialog = h(
      'dialog',
      { class: 'dialog form-dialog', 'aria-label': t('passwordFor', { name }) },
      h(
        'form',
        { method: 'dialog' },
        h('h2', {}, t('passwordFor', { name })),
        h('p', {}, t('passwordShownOnce', { name })),
        h('div', { class: 'row copy-row' }, field, copy),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('done'))),
      ),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve();
    });
    document.body.append(dialog);
    dialog.showModal();
    field.select();
  });
}

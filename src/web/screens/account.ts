// Your account (team mode, every member): change your own password, sign out everywhere.
import { PASSWORD_LENGTH } from '../../model/account.js';
import { ApiError, send, setCsrf } from '../api.js';
import { FieldError, toast } from '../dialogs.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import type { Screen } from '../screen.js';
import { app } from '../state.js';
import { signOut } from '../team.js';
import { checkedPassword, passwordField } from './fields.js';

/** The member's own account (`#/account`). */
export function accountScreen(): Screen {
  return {
    mount(root) {
      const member = app.member;
      if (!member) return void replace(root, h('p', { class: 'empty' }, t('noAccounts')));
      const current = passwordField(t('currentPassword'), 'current-password');
      const fresh = passwordField(t('newPassword'), 'new-password', t('passwordRuleOwn', { min: PASSWORD_LENGTH.min }));
      const again = passwordField(t('newPasswordAgain'), 'new-password');
      const message = h('p', { class: 'error form-error', role: 'alert' });
      const done = h('p', { class: 'ok', role: 'status' });
      const form = h(
        'form',
        {
          class: 'card account-form',
          'aria-labelledby': 'change-password',
          onsubmit: async (e: Event) => {
            e.preventDefault();
            message.textContent = '';
            done.textContent = '';
            try {
              const password = checkedPassword(fresh.input);
              if (password !== again.input.value) throw new FieldError(t('passwordsDiffer'), again.input);
              const answer = await send<{ csrf: string }>('POST', '/api/team/password', { current: current.input.value, password });
              setCsrf(answer.csrf);
              form.reset();
              done.textContent = t('passwordChanged');
              toast(t('passwordChanged'));
            } catch (err) {
              // 403 is the server's "the current password is wrong" (the new one was checked above).
              const wrongCurrent = err instanceof ApiError && err.status === 403;
              message.textContent = wrongCurrent ? t('currentWrong') : (err as Error).message;
              (err instanceof FieldError ? err.field : current.input).focus();
            }
          },
        },
        h('h2', { id: 'change-password' }, t('changePassword')),
        current.field,
        fresh.field,
        again.field,
        message,
        done,
        h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, t('changePassword'))),
      );
      replace(
        root,
        h(
          'div',
          { class: 'account' },
          h('h1', {}, t('yourAccount')),
          h('p', { class: 'sub' }, t('signedInAs', { name: member.name, role: t(member.role).toLowerCase() })),
          form,
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'everywhere' },
            h('h2', { id: 'everywhere' }, t('signOutEverywhere')),
            h('p', { class: 'hint' }, t('signOutEverywhereLong')),
            h('div', { class: 'row' }, h('button', { class: 'danger', onclick: () => void signOut(true) }, t('signOutEverywhere'))),
          ),
        ),
      );
      current.input.focus();
    },
  };
}

// What every TeamStore promises: team-store.test.ts runs it on SQLite, team-store.pg.test.ts on PostgreSQL.
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/account.js';
import type { TeamStore } from '../../src/store/team-store.js';

const account = (name: string, role: Account['role'] = 'coder'): Account => ({
  name,
  role,
  passwordHash: `scrypt$hash-of-${name}`,
  createdAt: '2026-11-30T06:00:00.000Z',
});
const session = (tokenHash: string, owner: string, at = 1000) => ({
  tokenHash,
  account: owner,
  csrfToken: `csrf-${tokenHash}`,
  createdAt: at,
  lastSeenAt: at,
});

/** The TeamStore tests under `title`; `open` gives an empty team store each time. */
export function teamStoreContract(title: string, open: () => Promise<TeamStore>): void {
  describe(title, () => {
    it('saves, lists, updates and removes accounts', async () => {
      const team = await open();
      await team.saveAccount(account('sari', 'owner'));
      await team.saveAccount(account('budi'));
      await team.saveAccount({ ...account('budi', 'viewer'), passwordHash: 'scrypt$new' });
      expect((await team.listAccounts()).map((a) => [a.name, a.role, a.passwordHash])).toEqual([
        ['budi', 'viewer', 'scrypt$new'],
        ['sari', 'owner', 'scrypt$hash-of-sari'],
      ]);
      expect(await team.getAccount('nobody')).toBeUndefined();
      await expect(team.saveAccount({ ...account('x'), role: 'admin' as Account['role'] })).rejects.toThrow(
        /role must be one of owner, coder, viewer/,
      );
      expect(await team.removeAccount('budi')).toBe(true);
      expect(await team.removeAccount('budi')).toBe(false);
      expect((await team.listAccounts()).map((a) => a.name)).toEqual(['sari']);
      await team.close();
    });

    it('keeps sessions by token hash, touches them, and ends one, all of an account, or those of a removed account', async () => {
      const team = await open();
      await team.saveAccount(account('sari', 'owner'));
      await team.saveAccount(account('budi'));
      await team.addSession(session('h1', 'sari'));
      await team.addSession(session('h2', 'sari'));
      await team.addSession(session('h3', 'budi'));
      expect(await team.lastSeen()).toEqual({ sari: 1000, budi: 1000 });
      await team.touchSession('h1', 5_000_000_000_000);
      expect(await team.getSession('h1')).toEqual({ ...session('h1', 'sari'), lastSeenAt: 5_000_000_000_000 });
      expect(await team.lastSeen()).toEqual({ sari: 5_000_000_000_000, budi: 1000 });
      await team.removeSession('h1');
      expect(await team.getSession('h1')).toBeUndefined();
      await team.addSession(session('h4', 'sari'));
      expect(await team.removeSessionsOf('sari')).toBe(2);
      expect(await team.lastSeen()).toEqual({ budi: 1000 });
      expect(await team.getSession('h3')).toBeDefined();
      await team.removeAccount('budi');
      expect(await team.getSession('h3')).toBeUndefined();
      await expect(team.addSession(session('h5', 'ghost'))).rejects.toThrow();
      await team.close();
    });

    it('reveals documents one by one or all at once, and hides them again', async () => {
      const team = await open();
      expect(await team.reveals()).toEqual({ all: false, documents: [] });
      await team.setRevealed('p02', true);
      await team.setRevealed('p01', true);
      await team.setRevealed('p01', true);
      expect(await team.reveals()).toEqual({ all: false, documents: ['p01', 'p02'] });
      await team.setRevealed('p02', false);
      await team.setRevealed(null, true);
      expect(await team.reveals()).toEqual({ all: true, documents: ['p01'] });
      await team.setRevealed(null, false);
      expect(await team.reveals()).toEqual({ all: false, documents: [] });
      await team.close();
    });
  });
}

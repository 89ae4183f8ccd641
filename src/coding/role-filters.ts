import type { Codebook } from '../model/codebook.js';
import { roleOf, type Document } from '../model/document.js';
import { message, type Message } from '../model/message.js';

/**
 * The roles of the speakers who speak in the documents (each once), for `unmatchedRoleFilters`
 * where no segments were made.
 * @example unmatchedRoleFilters(codebook, speakerRoles(corpus.documents), 'cb.yaml')
 */
export function speakerRoles(documents: readonly Document[]): Set<string> {
  const roles = new Set<string>();
  for (const doc of documents) {
    for (const turn of doc.turns) {
      const role = roleOf(doc, turn.speaker);
      if (role !== undefined) roles.add(role);
    }
  }
  return roles;
}

/**
 * Warnings for codebook role filters that name a role no speaker has: `!interviewer` then
 * leaves nothing out (interview questions get coded and quoted) and `informant` codes
 * nothing. One warning per role, naming the codes and the roles the transcripts do have.
 * @example unmatchedRoleFilters(codebook, segments.map((s) => s.role), 'cb.yaml')
 */
export function unmatchedRoleFilters(codebook: Codebook, roles: Iterable<string | undefined>, file: string): Message[] {
  const present = new Map<string, string>();
  for (const r of roles) if (r !== undefined && !present.has(r.toLocaleLowerCase())) present.set(r.toLocaleLowerCase(), r);
  const missing = new Map<string, { role: string; deny: boolean; codes: string[] }>();
  for (const code of codebook.codes) {
    for (const raw of code.rules.roles) {
      const deny = raw.trim().startsWith('!');
      const role = (deny ? raw.trim().slice(1) : raw).trim();
      const key = `${deny ? '!' : ''}${role.toLocaleLowerCase()}`;
      if (present.has(role.toLocaleLowerCase())) continue;
      const entry = missing.get(key) ?? { role, deny, codes: [] };
      entry.codes.push(code.id);
      missing.set(key, entry);
    }
  }
  const found = present.size === 0 ? 'no speaker has a role' : `the roles found are: ${[...present.values()].join(', ')}`;
  return [...missing.values()].map(({ role, deny, codes }) => {
    const which = codes.length > 3 ? `${codes.slice(0, 3).join(', ')} and ${codes.length - 3} more` : codes.join(', ');
    const effect = deny ? `"!${role}" leaves nobody out` : `"${role}" lets no segment be coded`;
    return message(`role filter ${effect} (codes ${which}): no speaker in these transcripts has role "${role}"; ${found}`, {
      file,
      ruleId: 'role-filter-unmatched',
      source: 'codebook',
      note: 'give roles in the front matter (participants: - name: …, role: …) or a role column of --cases',
    });
  });
}

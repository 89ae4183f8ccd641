import { AsyncLocalStorage } from 'node:async_hooks';
import type { Codebook } from '../../model/codebook.js';
import type { Document } from '../../model/document.js';
import type { Message } from '../../model/message.js';
import type { RevealState } from '../../store/team-store.js';
import type {
  AddDocumentResult,
  Change,
  ProjectCoder,
  CodebookVersion,
  CodingFilter,
  CodingPatch,
  DocumentSummary,
  EventFilter,
  Memo,
  MemoTarget,
  NewCoding,
  ProjectInfo,
  ProjectReader,
  ProjectStore,
  ProjectWriter,
  StoredCoding,
  StoreEvent,
  UndoState,
  UnplacedCoding,
} from '../../store/store.js';
import { memoTargetOf } from '../../store/rows.js';
import { HttpError } from '../http.js';
import { allows, maySee, type Member } from './access.js';

/** Who is asking, for the length of one request. */
export interface TeamRequest {
  member: Member;
  /** What the owner has revealed (read once per request). */
  reveals(): Promise<RevealState>;
  /** Names of the owners' accounts: their memos and changes are the lecturer's, seen by all. */
  owners(): Promise<ReadonlySet<string>>;
}

const requests = new AsyncLocalStorage<TeamRequest>();

/** Run a request's handler as this member: every store call inside it is filtered for them. */
export function runAsMember<T>(request: TeamRequest, fn: () => T): T {
  return requests.run(request, fn);
}

function current(): TeamRequest {
  const request = requests.getStore();
  // Fail closed: a store call outside a member's request would otherwise see everything.
  if (!request) throw new Error('team store used outside a signed-in request');
  return request;
}

function hidden(what: string): HttpError {
  return new HttpError(403, `blind coding: ${what} belongs to another coder and stays hidden until the owner reveals it`);
}

function list<T>(value: T | readonly T[] | undefined): readonly T[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** What one member may see, decided once per call. */
interface Sight {
  member: Member;
  unrestricted: boolean;
  coding(coder: string, document: string): boolean;
  memo(memo: { author: string; target: MemoTarget }, codingVisible: (id: number) => Promise<boolean>): Promise<boolean>;
  change(actor: string): boolean;
  reveals: RevealState;
}

async function sight(): Promise<Sight> {
  const request = current();
  const { member } = request;
  const reveals = member.role === 'owner' ? { all: true, documents: [] } : await request.reveals();
  const owners = member.role === 'owner' ? new Set<string>() : await request.owners();
  const coding = (coder: string, document: string) => maySee(member, coder, document, reveals);
  return {
    member,
    unrestricted: member.role === 'owner',
    reveals,
    coding,
    change: (actor) => member.role === 'owner' || actor === member.name || owners.has(actor),
    async memo(memo, codingVisible) {
      if (member.role === 'owner' || memo.author === member.name || owners.has(memo.author) || reveals.all) return true;
      if (memo.target.kind === 'document') return reveals.documents.includes(memo.target.document);
      if (memo.target.kind === 'coding') return codingVisible(memo.target.coding);
      return false;
    },
  };
}

/**
 * Reads of a project as one team member may see them: another coder's codings (and their
 * memos, log entries and changes) are left out of lists and refused (403) when asked for by id
 * or by coder, until the owner reveals them. Every route reads through this, so no endpoint can
 * leak what the rules hide.
 */
class BlindReader implements ProjectReader {
  constructor(protected readonly inner: ProjectReader) {}

  /**
   * The project's counts as the member may see them: while anything is hidden, the coders, codings,
   * memos and log entries are counted from what they may see, so no total tells how much the others
   * coded (or who they are).
   */
  async info(): Promise<ProjectInfo> {
    const see = await sight();
    const info = await this.inner.info();
    if (see.unrestricted || see.reveals.all) return info;
    const [codings, unplaced, memos, events, coders] = await Promise.all([
      this.listCodings(),
      this.listUnplaced(),
      this.listMemos(),
      this.listEvents(),
      this.listCoders(),
    ]);
    const counts: Record<string, number> = {};
    for (const c of codings) counts[`${c.origin}/${c.status}`] = (counts[`${c.origin}/${c.status}`] ?? 0) + 1;
    return {
      ...info,
      coders: coders.map((c) => c.name),
      codings: counts,
      unplaced: unplaced.length,
      memos: memos.length,
      events: events.length,
    };
  }

  listDocuments(): Promise<DocumentSummary[]> {
    return this.inner.listDocuments();
  }

  getDocument(id: string): Promise<Document | null> {
    return this.inner.getDocument(id);
  }

  getDocuments(ids?: readonly string[]): Promise<Document[]> {
    return this.inner.getDocuments(ids);
  }

  currentCodebook(): Promise<CodebookVersion | null> {
    return this.inner.currentCodebook();
  }

  codebookVersions(): Promise<CodebookVersion[]> {
    return this.inner.codebookVersions();
  }

  /** The coders the member may know of: themselves, the machine, and whoever coded a revealed document. */
  async listCoders(): Promise<ProjectCoder[]> {
    const see = await sight();
    const coders = await this.inner.listCoders();
    if (see.unrestricted || see.reveals.all) return coders;
    const revealed = new Set<string>();
    if (see.reveals.documents.length > 0)
      for (const c of await this.inner.listCodings({ document: see.reveals.documents })) revealed.add(c.coder);
    return coders.filter((c) => see.coding(c.name, '') || revealed.has(c.name));
  }

  async listCodings(filter: CodingFilter = {}): Promise<StoredCoding[]> {
    const see = await sight();
    if (see.unrestricted) return this.inner.listCodings(filter);
    const documents = list(filter.document);
    for (const coder of list(filter.coder) ?? []) {
      const somewhere = documents ? documents.some((d) => see.coding(coder, d)) : see.coding(coder, '') || see.reveals.documents.length > 0;
      if (!somewhere) throw hidden(`the codings of "${coder}"`);
    }
    return (await this.inner.listCodings(filter)).filter((c) => see.coding(c.coder, c.document));
  }

  async getCoding(id: number): Promise<StoredCoding | null> {
    const see = await sight();
    const coding = await this.inner.getCoding(id);
    if (coding && !see.coding(coding.coder, coding.document)) throw hidden(`coding ${id}`);
    return coding;
  }

  async listUnplaced(): Promise<UnplacedCoding[]> {
    const see = await sight();
    return (await this.inner.listUnplaced()).filter((c) => see.coding(c.coder, c.document));
  }

  async listMemos(target?: MemoTarget): Promise<Memo[]> {
    const see = await sight();
    const memos = await this.inner.listMemos(target);
    if (see.unrestricted) return memos;
    const visible = await Promise.all(memos.map((m) => see.memo(m, (id) => this.codingVisible(see, id))));
    return memos.filter((_, i) => visible[i]);
  }

  async listEvents(filter?: EventFilter): Promise<StoreEvent[]> {
    const see = await sight();
    const events = await this.inner.listEvents(filter);
    if (see.unrestricted) return events;
    const keep = await Promise.all(
      events.map(async (e) => {
        const rows = [e.before, e.after].filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object');
        if (e.entity === 'coding' || e.entity === 'unplaced') return rows.every((r) => see.coding(String(r.coder), String(r.document)));
        if (e.entity === 'memo')
          return (
            await Promise.all(
              rows.map((r) => see.memo({ author: String(r.author), target: memoTargetOf(r) }, (id) => this.codingVisible(see, id))),
            )
          ).every(Boolean);
        return true;
      }),
    );
    return events.filter((_, i) => keep[i]);
  }

  async listChanges(filter?: { after?: number; actor?: string; limit?: number }): Promise<Change[]> {
    const see = await sight();
    return (await this.inner.listChanges(filter)).filter((c) => see.change(c.actor));
  }

  private async codingVisible(see: Sight, id: number): Promise<boolean> {
    const coding = await this.inner.getCoding(id);
    return coding !== null && see.coding(coding.coder, coding.document);
  }
}

/** Writes as one member: a coder changes only their own codings and memos; the codebook and documents are the owner's. */
class BlindWriter extends BlindReader implements ProjectWriter {
  constructor(private readonly tx: ProjectWriter) {
    super(tx);
  }

  private async restricted(): Promise<Member | null> {
    const see = await sight();
    return see.unrestricted ? null : see.member;
  }

  private async ownerOnly(what: string): Promise<void> {
    if (await this.restricted()) throw new HttpError(403, `only the project's owner may ${what}`);
  }

  private async own(id: number): Promise<void> {
    const member = await this.restricted();
    if (!member) return;
    const coding = await this.tx.getCoding(id);
    if (coding && coding.coder !== member.name)
      throw new HttpError(403, `coding ${id} is ${coding.coder}'s: you may change only your own codings`);
  }

  private async ownNew(codings: readonly NewCoding[]): Promise<void> {
    const member = await this.restricted();
    if (!member) return;
    for (const c of codings) {
      const coder = c.coder ?? (c.origin === 'auto' ? 'auto' : member.name);
      if (coder !== member.name) throw new HttpError(403, `you code as "${member.name}"; a coding of "${coder}" is not yours to add`);
    }
  }

  async addDocument(document: Document): Promise<AddDocumentResult> {
    await this.ownerOnly('add or change documents');
    return this.tx.addDocument(document);
  }

  async saveCodebook(codebook: Codebook, note?: string): Promise<number> {
    await this.ownerOnly('change the codebook');
    return this.tx.saveCodebook(codebook, note);
  }

  async setCoder(name: string, color?: string | null): Promise<ProjectCoder> {
    const member = await this.restricted();
    if (member && name !== member.name) throw new HttpError(403, `you may set only your own coder ("${member.name}")`);
    return this.tx.setCoder(name, color);
  }

  async addCoding(coding: NewCoding): Promise<StoredCoding> {
    await this.ownNew([coding]);
    return this.tx.addCoding(coding);
  }

  async addCodings(codings: readonly NewCoding[]): Promise<number> {
    await this.ownNew(codings);
    return this.tx.addCodings(codings);
  }

  async updateCoding(id: number, patch: CodingPatch): Promise<StoredCoding> {
    await this.own(id);
    return this.tx.updateCoding(id, patch);
  }

  async deleteCoding(id: number): Promise<void> {
    await this.own(id);
    return this.tx.deleteCoding(id);
  }

  async deleteCodings(filter: CodingFilter): Promise<number> {
    const member = await this.restricted();
    if (!member) return this.tx.deleteCodings(filter);
    if ((list(filter.coder) ?? []).some((c) => c !== member.name)) throw new HttpError(403, 'you may remove only your own codings');
    return this.tx.deleteCodings({ ...filter, coder: member.name });
  }

  async addMemo(target: MemoTarget, text: string): Promise<Memo> {
    // A memo on a hidden coding would confirm it exists.
    if (target.kind === 'coding') await this.getCoding(target.coding);
    return this.tx.addMemo(target, text);
  }

  async updateMemo(id: number, text: string): Promise<Memo> {
    await this.ownMemo(id);
    return this.tx.updateMemo(id, text);
  }

  async deleteMemo(id: number): Promise<void> {
    await this.ownMemo(id);
    return this.tx.deleteMemo(id);
  }

  private async ownMemo(id: number): Promise<void> {
    const member = await this.restricted();
    if (!member) return;
    const memo = (await this.tx.listMemos()).find((m) => m.id === id);
    // Like another coder's coding: refused, and without the author's name while they are hidden.
    if (memo && memo.author !== member.name) throw new HttpError(403, `memo ${id} is not yours: you may change only your own memos`);
  }
}

/**
 * The project store as team mode's routes use it: every read filtered and every write checked
 * for the member making the request (see {@link runAsMember}).
 * @example workbenchRoutes({ store: new BlindStore(store), name })
 */
export class BlindStore extends BlindReader implements ProjectStore {
  constructor(private readonly store: ProjectStore) {
    super(store);
  }

  get location(): string {
    return this.store.location;
  }

  get readOnly(): boolean {
    return this.store.readOnly;
  }

  private async asSelf(actor: string, what: string): Promise<void> {
    const { member } = current();
    if (!allows(member.role, 'code')) throw new HttpError(403, `a viewer may read but not ${what}`);
    if (member.role !== 'owner' && actor !== member.name) throw new HttpError(403, `you act as "${member.name}", not "${actor}"`);
  }

  async change<T>(actor: string, label: string, fn: (tx: ProjectWriter) => Promise<T>): Promise<T> {
    await this.asSelf(actor, 'change the project');
    return this.store.change(actor, label, (tx) => fn(new BlindWriter(tx)));
  }

  async undo(actor: string): Promise<Change | null> {
    await this.asSelf(actor, 'undo');
    return this.store.undo(actor);
  }

  async redo(actor: string): Promise<Change | null> {
    await this.asSelf(actor, 'redo');
    return this.store.redo(actor);
  }

  async undoState(actor: string): Promise<UndoState> {
    const { member } = current();
    if (member.role !== 'owner' && actor !== member.name) throw new HttpError(403, `you act as "${member.name}", not "${actor}"`);
    return this.store.undoState(actor);
  }

  async check(): Promise<Message[]> {
    if (current().member.role !== 'owner') throw new HttpError(403, "only the project's owner may check the whole project");
    return this.store.check();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

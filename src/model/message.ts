/** A problem found in a user's file, located as `file:line:column` (after vfile). */
export interface Message {
  reason: string;
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column in code points; 0 when unknown. */
  column: number;
  /** Stable identifier of the check, e.g. `empty-speaker`. */
  ruleId: string;
  /** What produced it, e.g. `import-text`, `codebook`. */
  source: string;
  /** A fatal message stops the command (exit 1) and nothing is written. */
  fatal: boolean;
  note?: string;
}

/**
 * Build a message.
 * @example message('speaker label is empty', { file: 'a.md', line: 12, ruleId: 'empty-speaker', source: 'import-text' })
 */
export function message(
  reason: string,
  at: { file: string; line?: number; column?: number; ruleId: string; source: string; fatal?: boolean; note?: string },
): Message {
  const m: Message = {
    reason,
    file: at.file,
    line: at.line ?? 0,
    column: at.column ?? 0,
    ruleId: at.ruleId,
    source: at.source,
    fatal: at.fatal ?? false,
  };
  if (at.note !== undefined) m.note = at.note;
  return m;
}

/**
 * Print a message the way compilers do.
 * @example formatMessage(m) // "data-sample/x.md:12:1: speaker label is empty [empty-speaker]"
 */
export function formatMessage(m: Message): string {
  const where = m.line > 0 ? `${m.file}:${m.line}:${Math.max(m.column, 1)}` : m.file;
  const level = m.fatal ? 'error' : 'warning';
  const note = m.note ? `\n  ${m.note}` : '';
  return `${where}: ${level}: ${m.reason} [${m.ruleId}]${note}`;
}

/** Thrown by library functions when input cannot be used at all; carries located messages. */
export class QdaError extends Error {
  readonly messages: Message[];
  constructor(messages: Message[]) {
    super(messages.map(formatMessage).join('\n'));
    this.name = 'QdaError';
    this.messages = messages;
  }
}

/** Line and column (1-based, code points) of a UTF-16 offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) column++;
  }
  return { line, column };
}

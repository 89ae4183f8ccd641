import { Help, type Command } from 'commander';

/**
 * Commander's `boxWrap`, reflowing prose first: lines of one paragraph are joined and wrapped
 * again at the terminal's width, so a sentence broken by hand never leaves short fragments.
 * Blank lines still separate paragraphs, and an indented line (a hand-laid table or an
 * example) is kept as written.
 * @example reflowingBoxWrap.call(new Help(), 'one\ntwo', 80) // 'one two'
 */
export function reflowingBoxWrap(this: Help, text: string, width: number): string {
  const lines: string[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) lines.push(Help.prototype.boxWrap.call(this, paragraph.join(' '), width));
    paragraph = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || /^\s/.test(line)) {
      flush();
      lines.push(line);
    } else paragraph.push(line.trim());
  }
  flush();
  return lines.join('\n');
}

/**
 * A subcommand as the list of commands names it: its name and arguments, without
 * `[options]` (every command has options, and its own --help lists them), so the summaries
 * beside it keep room to wrap.
 * @example commandTerm(new Command('add').argument('<project>')) // 'add <project>'
 */
export function commandTerm(command: Command): string {
  const args = command.registeredArguments.map((a) =>
    a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`,
  );
  return [command.name(), ...args].join(' ');
}

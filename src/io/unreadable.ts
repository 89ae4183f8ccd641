import { InputRefusedError } from './read-input.js';

/**
 * Why a file could not be read, in words: `<what> not found`, `is a folder, not a file`,
 * `permission denied`, or `cannot read <what> (CODE)`.
 * @example unreadableReason(error, 'codebook file') // 'codebook file not found'
 */
export function unreadableReason(error: unknown, what = 'file'): string {
  if (error instanceof InputRefusedError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${what} not found`;
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return `cannot read ${what} (${code ?? (error as Error).message})`;
}

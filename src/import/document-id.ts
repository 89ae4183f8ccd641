/**
 * The default document id of a file: its name without folders and extension.
 * @example documentIdFromPath('data/informan-01.md') // 'informan-01'
 */
export function documentIdFromPath(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

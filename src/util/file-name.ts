// File names inside paths, for ids and formats; works on both / and \ separators, touches no file.

/**
 * The last part of a path.
 * @example fileName('data\\informan-01.md') // 'informan-01.md'
 */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * A file's name without folders and without its last extension (a leading dot is no extension).
 * @example fileStem('data/informan-01.md') // 'informan-01'
 */
export function fileStem(path: string): string {
  const name = fileName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * A file's last extension, lower case and without the dot ('' when it has none).
 * @example fileExtension('Interview.DOCX') // 'docx'
 */
export function fileExtension(path: string): string {
  const name = fileName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

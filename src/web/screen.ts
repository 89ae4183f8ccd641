/** A screen of the app: drawn into the main area; it may take keys while it is shown. */
export interface Screen {
  /** Draw into `root`; `params` come from the address (`#/doc/p01?turn=4`). */
  mount(root: HTMLElement, params: URLSearchParams, path: string[]): void | Promise<void>;
  /** Stop listening before another screen is shown. */
  unmount?(): void;
  /** Handle a key; true when it was used. */
  onKey?(event: KeyboardEvent): boolean;
  /** Data changed elsewhere (undo, redo): draw again. */
  refresh?(): void | Promise<void>;
}

/** Go to a screen: `go('doc', 'p01', { turn: '4' })`. */
export function go(screen: string, id?: string, params: Record<string, string> = {}): void {
  const search = new URLSearchParams(params).toString();
  location.hash = `#/${screen}${id ? `/${encodeURIComponent(id)}` : ''}${search ? `?${search}` : ''}`;
}

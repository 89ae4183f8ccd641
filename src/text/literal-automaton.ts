/**
 * An Aho–Corasick automaton over a set of literal strings: one pass over a text tells which of
 * them occur in it, however many there are.
 * @example new LiteralAutomaton(['rujuk', 'kabar']).find('dirujuk ke psikolog') // Uint8Array [1, 0]
 */
export class LiteralAutomaton {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly found: Uint8Array;

  constructor(literals: readonly string[]) {
    literals.forEach((literal, id) => {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        let to = this.next[state].get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[state].set(c, to);
        }
        state = to;
      }
      this.out[state].push(id);
    });
    // Breadth-first: each state's failure link is the longest proper suffix that is a prefix.
    const queue = [...this.next[0].values()];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q];
      for (const [c, to] of this.next[state]) {
        let f = this.fail[state];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const target = this.next[f].get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to] = [...this.out[to], ...this.out[this.fail[to]]];
        queue.push(to);
      }
    }
    this.found = new Uint8Array(literals.length);
  }

  /** Which literals occur in `text` (1 at their index). The array is reused by the next call. */
  find(text: string): Uint8Array {
    this.found.fill(0);
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.next[state].get(c);
      while (to === undefined && state !== 0) {
        state = this.fail[state];
        to = this.next[state].get(c);
      }
      state = to ?? 0;
      for (const id of this.out[state]) this.found[id] = 1;
    }
    return this.found;
  }
}

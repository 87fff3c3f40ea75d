// An article body's tokens kept compactly for excerpts: term ids (one dictionary shared by the knowledge base) and
// UTF-16 offsets in typed arrays, made once when the article is indexed, so that a search never segments a body
// again; the tokens of the matched terms are brought back as TextTokens for excerpt.ts.

import type { TextToken } from './text-tokens';

/** Term ↔ number, shared by every article of a knowledge base. */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }

  /** The id of a known term, else undefined (a term no article has). */
  find(term: string): number | undefined {
    return this.ids.get(term);
  }

  termOf(id: number): string {
    return this.terms[id] as string;
  }
}

export interface CompactTokens {
  termIds: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

export function compactTokens(tokens: readonly TextToken[], dictionary: TermDictionary): CompactTokens {
  const compact = { termIds: new Uint32Array(tokens.length), starts: new Uint32Array(tokens.length), ends: new Uint32Array(tokens.length) };
  tokens.forEach((token, i) => {
    compact.termIds[i] = dictionary.idOf(token.term);
    compact.starts[i] = token.start;
    compact.ends[i] = token.end;
  });
  return compact;
}

/** The tokens of `text` whose term is one of `terms`, in order. */
export function tokensMatching(text: string, compact: CompactTokens, terms: ReadonlySet<string>, dictionary: TermDictionary): TextToken[] {
  const wanted = new Set<number>();
  for (const term of terms) {
    const id = dictionary.find(term);
    if (id !== undefined) wanted.add(id);
  }
  const matches: TextToken[] = [];
  for (let i = 0; i < compact.termIds.length; i++) {
    const id = compact.termIds[i] as number;
    if (!wanted.has(id)) continue;
    const start = compact.starts[i] as number;
    const end = compact.ends[i] as number;
    matches.push({ term: dictionary.termOf(id), surface: text.slice(start, end), start, end });
  }
  return matches;
}

/** One condition: `[field, operator, value]`, e.g. `['name', 'ilike', 'vinilo']`. */
export type DomainLeaf = readonly [field: string, operator: string, value: unknown];
/** Prefix operators: `&` and `|` take the next two expressions, `!` the next one. */
export type DomainOperator = '&' | '|' | '!';
export type DomainTerm = DomainOperator | string | DomainLeaf;
/** An Odoo domain in prefix (Polish) notation; top-level expressions are ANDed. */
export type OdooDomain = readonly DomainTerm[];

/** How many complete expressions a domain holds at its top level (each is implicitly ANDed). */
function topLevelCount(terms: OdooDomain): number {
  let count = 0;
  // Walk backwards like Odoo's own normaliser: operators consume the expressions after them.
  for (let i = terms.length - 1; i >= 0; i--) {
    const term = terms[i];
    if (term === '&' || term === '|') count -= 1;
    else if (term !== '!') count += 1;
  }
  return count;
}

/** The domain as one expression, so it can be an operand of `|` or `!`. */
function asSingle(terms: OdooDomain): DomainTerm[] {
  const n = topLevelCount(terms);
  return [...Array<DomainTerm>(Math.max(n - 1, 0)).fill('&'), ...terms];
}

/**
 * A small, immutable domain builder: `domain().where('name', 'ilike', 'x').or(domain().where(...))`
 * gives `['|', ['name', 'ilike', 'x'], [...]]`. `where` and `and` add ANDed conditions.
 */
export class DomainBuilder {
  constructor(private readonly terms: readonly DomainTerm[] = []) {}

  where(field: string, operator: string, value: unknown): DomainBuilder {
    return new DomainBuilder([...this.terms, [field, operator, value] as const]);
  }

  and(...others: Array<DomainBuilder | OdooDomain>): DomainBuilder {
    return new DomainBuilder([...this.terms, ...others.flatMap(toTerms)]);
  }

  /** This domain OR each of the others. An empty domain matches everything, so the result does too. */
  or(...others: Array<DomainBuilder | OdooDomain>): DomainBuilder {
    const operands = [this.terms, ...others.map(toTerms)];
    if (operands.some((o) => o.length === 0)) return new DomainBuilder([]);
    const pipes = Array<DomainTerm>(operands.length - 1).fill('|');
    return new DomainBuilder([...pipes, ...operands.flatMap(asSingle)]);
  }

  not(): DomainBuilder {
    return this.terms.length === 0 ? this : new DomainBuilder(['!', ...asSingle(this.terms)]);
  }

  /** The plain array to send to Odoo. */
  build(): DomainTerm[] {
    return [...this.terms];
  }

  toJSON(): DomainTerm[] {
    return this.build();
  }
}

function toTerms(d: DomainBuilder | OdooDomain): readonly DomainTerm[] {
  return d instanceof DomainBuilder ? d.build() : d;
}

/** Starts a domain, optionally from an existing one. */
export function domain(initial: OdooDomain = []): DomainBuilder {
  return new DomainBuilder([...initial]);
}

/** Accepts a builder or a plain array wherever the client takes a domain. */
export function toDomain(d: DomainBuilder | OdooDomain | undefined): DomainTerm[] {
  if (d === undefined) return [];
  return d instanceof DomainBuilder ? d.build() : [...d];
}

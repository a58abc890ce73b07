// Turns TypeBox/Elysia validation errors into client-facing field problems ({path, message}). Pure;
// it reads only paths, messages and schemas, never the rejected values (they may be secrets).

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

interface SchemaLike {
  readonly anyOf?: readonly SchemaLike[];
  readonly properties?: Readonly<Record<string, SchemaLike>>;
  readonly const?: unknown;
}

/** The structural part of a TypeBox ValueError this module reads. */
export interface ValueErrorLike {
  readonly path: string;
  readonly message: string;
  readonly schema?: SchemaLike;
  readonly value?: unknown;
  /** Present on union errors: one iterator of sub-errors per `anyOf` variant, in order. */
  readonly errors?: readonly Iterable<ValueErrorLike>[];
}

/** Literal-valued properties of an object variant, e.g. {venue: 'hyperliquid'} or {mode: 'equity'}. */
function discriminatorsOf(variant: SchemaLike): [string, unknown][] {
  return Object.entries(variant.properties ?? {}).filter(([, schema]) => schema.const !== undefined)
    .map(([key, schema]) => [key, schema.const]);
}

function fieldOf(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * A union error explained by the variant the value meant: the one whose literal fields (venue, mode)
 * match; without such a match, a problem on the discriminator; for plain unions, the closest variant.
 */
function explainUnion(error: ValueErrorLike, branches: readonly Iterable<ValueErrorLike>[]): FieldProblem[] {
  const variants = error.schema?.anyOf ?? [];
  const subErrors = branches.map((branch) => [...branch]);
  const keyed = variants.map(discriminatorsOf);
  const matching = keyed.findIndex((pairs) => pairs.length > 0 && pairs.every(([key, literal]) => fieldOf(error.value, key) === literal));
  if (matching >= 0 && subErrors[matching] !== undefined) return explainValueErrors(subErrors[matching]);
  const discriminator = keyed.find((pairs) => pairs.length > 0)?.[0]?.[0];
  if (discriminator !== undefined) {
    const isRecord = error.value !== null && typeof error.value === 'object' && !Array.isArray(error.value);
    if (!isRecord) return [{ path: error.path, message: 'Expected object' }];
    const allowed = keyed.flatMap((pairs) => pairs.filter(([key]) => key === discriminator).map(([, literal]) => JSON.stringify(literal)));
    return [{ path: `${error.path}/${discriminator}`, message: `Expected one of ${allowed.join(', ')}` }];
  }
  let closest: ValueErrorLike[] | undefined;
  for (const candidate of subErrors) if (closest === undefined || candidate.length <= closest.length) closest = candidate;
  return closest === undefined || closest.length === 0 ? [{ path: error.path, message: error.message }] : explainValueErrors(closest);
}

/** One problem per path (the first reported), unions resolved to the variant the client meant. */
export function explainValueErrors(errors: Iterable<ValueErrorLike>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const found = error.errors !== undefined && error.errors.length > 0
      ? explainUnion(error, error.errors)
      : [{ path: error.path, message: error.message }];
    for (const problem of found) {
      if (seen.has(problem.path)) continue;
      seen.add(problem.path);
      problems.push(problem);
    }
  }
  return problems;
}

// The only module family that talks SQL. Two engines behind one interface: PGlite (Postgres in
// WASM, the embedded default) and a real Postgres (node-postgres), both with the same migrations
// and the same row-level security.

export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

/** Verified JWT claims, as Supabase Auth issues them. */
export interface Claims {
  sub: string;
  email?: string;
  role: string;
  exp: number;
  [claim: string]: unknown;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction as the Data API would: `role authenticated` with the claims in
   * `request.jwt.claims` (or `anon` without claims), so row-level security decides what it sees.
   */
  asUser<T>(claims: Claims | null, work: (db: Queryable) => Promise<T>): Promise<T>;
  /** One transaction as the connection's own role (migrations, seeding, cross-school jobs). */
  asService<T>(work: (db: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The statements that put a transaction into the caller's shoes; the same on both engines. */
export async function enterRole(db: Queryable, claims: Claims | null): Promise<void> {
  const role = claims ? 'authenticated' : 'anon';
  await db.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [
    role,
    JSON.stringify(claims ?? { role: 'anon' }),
  ]);
}

export const dateTypeOids = {
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

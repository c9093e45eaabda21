import type { DataSource } from 'typeorm';

/** The user name in a PostgreSQL URL. */
export function databaseUser(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The same database as `url`, reached as another user. */
export function databaseUrlAs(url: string, user: string, password: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(user);
  next.password = encodeURIComponent(password);
  return next.toString();
}

/**
 * Run by the schema's owner after migrations: makes sure the application's role (the user of `appUrl`)
 * exists when the owner may create roles, and grants it what the application needs and no more — in
 * particular no UPDATE, DELETE or TRUNCATE of audit entries and no control of their triggers.
 */
export async function grantApplicationRole(owner: DataSource, appUrl: string): Promise<'granted' | 'same-role'> {
  const appUser = databaseUser(appUrl);
  const [{ current }]: Array<{ current: string }> = await owner.query('SELECT current_user AS current');
  if (appUser === current) return 'same-role';
  const [{ exists, mayCreate }]: Array<{ exists: boolean; mayCreate: boolean }> = await owner.query(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists,
            (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS "mayCreate"`,
    [appUser],
  );
  if (!exists) {
    if (!mayCreate) throw new Error(`the application role ${appUser} does not exist and ${current} may not create it: create it first (LOGIN, NOSUPERUSER)`);
    const password = decodeURIComponent(new URL(appUrl).password);
    const [{ statement }]: Array<{ statement: string }> = await owner.query(
      `SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD %L', $1::text, $2::text) AS statement`,
      [appUser, password],
    );
    // two processes starting together may both try: the loser finds the role made
    await owner.query(statement).catch((error: { code?: string }) => {
      if (error.code !== '42710' && error.code !== '23505') throw error;
    });
  }
  await owner.query('SELECT aqtalu_grant_app_privileges($1)', [appUser]);
  return 'granted';
}

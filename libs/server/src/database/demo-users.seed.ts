import { Role } from '@aqtalu/contracts';
import type { DataSource } from 'typeorm';
import { PasswordHasher } from '../identity/password-hasher.js';

export interface DemoLogin {
  email: string;
  password: string;
  role: Role;
  displayName: string;
  regionCode?: string;
  archiveCode?: string;
}

/** Development only: one user per role, so every screen can be tried. Never seeded in production. */
export const demoPassword = 'Aqtalu-demo-2026';

export const demoLogins: readonly DemoLogin[] = [
  { role: Role.Admin, email: 'admin@aqtalu.local', displayName: 'Әділет Администратор' },
  { role: Role.Secretary, email: 'secretary@aqtalu.local', displayName: 'Сәуле Хатшы' },
  { role: Role.WgMember, email: 'wg.member@aqtalu.local', displayName: 'Ерлан Мүше', regionCode: 'ALM' },
  { role: Role.WgLead, email: 'wg.lead@aqtalu.local', displayName: 'Гүлнар Жетекші', regionCode: 'ALM' },
  { role: Role.ArchiveLiaison, email: 'liaison@aqtalu.local', displayName: 'Айгүл Архивист', archiveCode: 'SPEC-MVD' },
  { role: Role.CommissionMember, email: 'member@aqtalu.local', displayName: 'Бауыржан Комиссия' },
  { role: Role.Chair, email: 'chair@aqtalu.local', displayName: 'Нұрлан Төраға' },
  { role: Role.Auditor, email: 'auditor@aqtalu.local', displayName: 'Дина Аудитор' },
].map((login) => ({ ...login, password: demoPassword }));

/** Adds the demo users that are missing; returns every demo login. */
export async function seedDemoUsers(dataSource: DataSource, hasher = new PasswordHasher()): Promise<readonly DemoLogin[]> {
  const passwordHash = await hasher.hash(demoPassword);
  for (const login of demoLogins) {
    await dataSource.query(
      `INSERT INTO users (email, display_name, password_hash, role, region_id, archive_id, version)
       VALUES ($1, $2, $3, $4,
               (SELECT id FROM regions WHERE code = $5), (SELECT id FROM archives WHERE code = $6), 1)
       ON CONFLICT (email) DO NOTHING`,
      [login.email, login.displayName, passwordHash, login.role, login.regionCode ?? null, login.archiveCode ?? null],
    );
  }
  return demoLogins;
}

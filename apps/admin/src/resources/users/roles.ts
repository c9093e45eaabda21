import { allRoles, archiveScopedRoles, regionScopedRoles, type Role } from '@aqtalu/contracts';

/** The roles for select inputs and fields; react-admin translates each `name` in the current language. */
export const roleChoices = allRoles.map((role) => ({ id: role, name: `aqtalu.role.${role}` }));

export const needsRegion = (role: unknown): boolean => regionScopedRoles.includes(role as Role);

export const needsArchive = (role: unknown): boolean => archiveScopedRoles.includes(role as Role);

/** A region or archive code as the API stores it: upper case, no blanks; empty means none. */
export const parseCode = (value: string | null | undefined): string | null => value?.trim().toUpperCase() || null;

/** What the forms edit; the API's answer has `id`, `totpEnabled`, `disabled` and `version` on top. */
export interface UserFormValues {
  email?: string;
  displayName?: string;
  password?: string;
  role?: Role;
  regionCode?: string | null;
  archiveCode?: string | null;
}

/** The scope codes the chosen role takes and none of the others, which the API refuses. */
export function scopeForRole<T extends UserFormValues>(values: T): T {
  return {
    ...values,
    regionCode: needsRegion(values.role) ? (values.regionCode ?? null) : null,
    archiveCode: needsArchive(values.role) ? (values.archiveCode ?? null) : null,
  };
}

import type { Role } from '@aqtalu/contracts';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

/** Our own keys; ru.ts and kk.ts must have the same shape. */
export const aqtaluEn = {
  title: 'Aqtalu',
  subtitle: 'Rehabilitation of victims of political repression',
  dashboard: {
    welcome: 'Welcome',
    signed_in_as: 'Signed in as %{name} (%{role})',
    coming_soon:
      'Cases awaiting your action, overdue archive requests and the next commission session will appear here.',
  },
  role: {
    admin: 'Administrator',
    secretary: 'Commission secretary',
    wg_member: 'Working group member',
    wg_lead: 'Working group lead',
    archive_liaison: 'Archive liaison',
    commission_member: 'Commission member',
    chair: 'Commission chair',
    auditor: 'Auditor',
  } satisfies Record<Role, string>,
};

export type AqtaluMessages = typeof aqtaluEn;

export const en: TranslationMessages & { aqtalu: AqtaluMessages } = { ...englishMessages, aqtalu: aqtaluEn };

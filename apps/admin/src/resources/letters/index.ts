import EmailIcon from '@mui/icons-material/Email';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const LetterTemplatesPage = lazy(() => import('./LetterTemplatesPage').then((module) => ({ default: module.LetterTemplatesPage })));

/** The letter templates of the correspondence register (GET/PATCH /api/letter-templates): an administrator's screen. */
export const letterTemplates = {
  name: 'letter-templates',
  list: LetterTemplatesPage,
  icon: EmailIcon,
} satisfies ResourceProps;

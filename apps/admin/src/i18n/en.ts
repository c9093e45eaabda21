import type { Role } from '@aqtalu/contracts';
import { caseRulesEn } from './case-rules.en';
import { screensEn } from './screens.en';
import { codesEn, codeValuesEn } from './codes.en';
import { officeEn } from './office.en';
import { referenceEn } from './reference.en';
import { eventsEn } from './events.en';
import { workflowEn } from './workflow.en';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

/** Our own keys; ru.ts and kk.ts must have the same shape. */
export const aqtaluEn = {
  title: 'Aqtalu',
  subtitle: 'Rehabilitation of victims of political repression',
  dashboard: workflowEn.dashboard,
  charts: officeEn.aqtalu.charts,
  reference: referenceEn.reference,
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
  auth: {
    totp_code: 'Code from your authenticator app',
    totp_prompt: 'This account has two-factor authentication: enter the 6-digit code from your authenticator app.',
    totp_code_format: 'The code has 6 digits',
    totp_invalid: 'The code is wrong or has expired: enter the current one from the app.',
    too_many_attempts: 'Too many failed sign-in attempts. Try again later.',
  },
  totp: {
    title: 'Set up two-factor authentication',
    intro:
      'A second factor protects your account even if the password leaks. Add this account to an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP or another), then enter the code it shows.',
    intro_required:
      'Your role requires a second factor. Add this account to an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP or another), then enter the code it shows.',
    step_add: 'Add the account to the app: type in the key, or open the otpauth link on your phone.',
    secret: 'Key (to type in by hand)',
    uri: 'Set-up link (otpauth)',
    step_confirm: 'Enter the 6-digit code the app shows now.',
    code: 'Code from the app',
    confirm: 'Confirm',
    loading: 'Preparing the key…',
    code_rejected: 'The code does not match. Enter the current code from the app.',
    enabled: 'Two-factor authentication is on. Sign in again with your password and a code from the app.',
    sign_out: 'Sign out',
  },
  /** What a case state allows, and why not (the lifecycle's actions and refusal codes). */
  case_rules: caseRulesEn,
  /** The screens of issue 15: case edit, proposals, the person page, votes waiting, the agenda picker. */
  screens: screensEn,
  /** The API's codes (problem answers, check and match reasons, import rows) and words for their params. */
  codes: codesEn,
  code_values: codeValuesEn,
  conflict: {
    title: 'Someone else changed this record in the meantime.',
    reload_hint: 'Reload to see what changed, then decide again.',
    hint: 'Reload to see the current version: what you typed in the form is kept, so you can save it again.',
    reload: 'Reload',
    reloaded: 'Someone else changed this user in the meantime. The current version is shown now: check it and try again.',
  },
};

/** react-admin reads a resource's name and field labels from `resources.<name>`. */
export const resourcesEn = {
  ...workflowEn.resources,
    ...officeEn.resources,
    ...referenceEn.resources,
    ...eventsEn.resources,
  users: {
    name: 'User |||| Users',
    fields: {
      email: 'E-mail',
      displayName: 'Name',
      role: 'Role',
      regionCode: 'Region',
      archiveCode: 'Archive',
      disabled: 'Status',
      totpEnabled: '2FA',
      version: 'Version',
      password: 'Password',
      new_password: 'New password',
      q: 'Search',
    },
    helpers: {
      regionCode: 'Region code, e.g. ALM or ZHA; required for working group roles',
      archiveCode: 'Archive code, e.g. SPEC-MVD; required for archive liaisons',
      password: 'At least 12 characters; not a common password and not containing the name',
    },
    status: {
      active: 'Active',
      disabled: 'Disabled',
    },
    actions: {
      disable: 'Disable',
      enable: 'Enable',
      reset_password: 'Reset password',
      reset_totp: 'Reset 2FA',
    },
    confirm: {
      disable_title: 'Disable %{name}?',
      disable_content: 'They can no longer sign in, and every session of theirs ends now.',
      enable_title: 'Enable %{name}?',
      enable_content: 'They can sign in again with their password.',
      reset_password_title: 'New password for %{name}',
      reset_password_content:
        'Every session of the user ends. Hand the new password over in person or through another safe channel.',
      reset_totp_title: 'Reset the second factor of %{name}?',
      reset_totp_content:
        'Use this when the phone with the authenticator app is lost. The user sets up a new second factor at the next sign-in; every session of theirs ends now.',
    },
    notifications: {
      disabled: 'User disabled',
      enabled: 'User enabled',
      password_reset: 'New password set',
      totp_reset: 'Second factor reset',
    },
  },
  'audit-log': {
    name: 'Audit log entry |||| Audit log',
    fields: {
      id: 'No.',
      occurredAt: 'Time',
      actorId: 'Actor id',
      actorEmail: 'Actor',
      actorRole: 'Actor role',
      action: 'Action',
      outcome: 'Outcome',
      entityType: 'Entity type',
      entityId: 'Entity id',
      entity: 'Entity',
      diff: 'Changes',
      details: 'Details',
      requestId: 'Request id',
      ip: 'IP address',
      hash: 'Hash',
      from: 'From',
      to: 'To (inclusive)',
    },
    helpers: {
      action: 'An exact action, or a prefix ending with a dot: auth.',
    },
    outcome: {
      allowed: 'Allowed',
      denied: 'Denied',
      failed: 'Failed',
    },
    diff: {
      field: 'Field',
      before: 'Before',
      after: 'After',
      none: 'No changes recorded',
      secret: 'secret (not recorded)',
    },
    system: 'System',
    hash_hint: 'SHA-256 of this entry and the hash of the one before it: altering any entry breaks the chain.',
  },
};

export type AqtaluMessages = typeof aqtaluEn;
export type ResourceMessages = typeof resourcesEn;

export const en: TranslationMessages & { aqtalu: AqtaluMessages; resources: ResourceMessages } = {
  ...englishMessages,
  aqtalu: aqtaluEn,
  resources: resourcesEn,
};

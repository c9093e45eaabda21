import { EvidenceCheckName, EvidenceCheckState, EvidenceKind, evidenceSafetyChecks, EvidenceVerification } from '@aqtalu/contracts';

/** A sheet range of an archival reference: `from`–`to`, possibly starting on the back (оборот). */
export interface SheetRange {
  from: number;
  to: number;
  /** The range starts on the back (оборот) of sheet `from`. */
  fromVerso?: boolean;
  /** The range ends on the back of sheet `to`. */
  toVerso?: boolean;
}

export interface ParsedReference {
  archive: string | null;
  fond: string;
  opis: string;
  delo: string;
  sheets: SheetRange[];
  text: string;
}

export interface EvidenceCheck {
  check: EvidenceCheckName;
  state: EvidenceCheckState;
  /** English; `reasonCode` with `reasonParams` says it in the screen's language. */
  reason: string | null;
  reasonCode?: string | null;
  reasonParams?: Record<string, unknown> | null;
  updatedAt: string;
}

/** `GET /api/evidence/:id` (with checks) and the rows of `GET /api/cases/:id/evidence` (without). */
export interface EvidenceRecord {
  id: string;
  caseId: string;
  archiveRequestId: string | null;
  archiveCode: string | null;
  uploadedBy: string;
  kind: EvidenceKind;
  declaredMime: string;
  detectedMime: string | null;
  size: number;
  originalName: string;
  versionNo: number;
  previousId: string | null;
  duplicateOf: string | null;
  documentDate: string | null;
  language: string | null;
  reference: ParsedReference | null;
  pages: number | null;
  verification: EvidenceVerification;
  verifiedBy: string | null;
  verifiedAt: string | null;
  verificationReason: string | null;
  quarantined: boolean;
  createdAt: string;
  checks?: EvidenceCheck[];
}

const unfinished: ReadonlySet<EvidenceCheckState> = new Set([EvidenceCheckState.Pending, EvidenceCheckState.Running]);
const unsafe: ReadonlySet<EvidenceCheckState> = new Set([EvidenceCheckState.Failed, EvidenceCheckState.Quarantined]);

/** The checks still to finish: their states change in the background, so the screen asks again. */
export const isChecking = (evidence: Pick<EvidenceRecord, 'checks'>) =>
  evidence.checks === undefined || evidence.checks.length === 0 || evidence.checks.some((check) => unfinished.has(check.state));

/** One word for all checks of a file: what a row shows before it is opened. */
export type ChecksSummary = 'checking' | 'problem' | 'passed';

export function summariseChecks(checks: readonly EvidenceCheck[] | undefined): ChecksSummary {
  if (!checks || checks.length === 0 || checks.some((check) => unfinished.has(check.state))) return 'checking';
  return checks.some((check) => unsafe.has(check.state)) ? 'problem' : 'passed';
}

/**
 * Whether the API hands the file out: not while a safety check (type, checksum, malware, active content) has yet
 * to run (`checking`), nor when one ended other than passed or "no scanner" (`failed`: a recheck opens it).
 */
export function safetyState(evidence: EvidenceRecord): 'checking' | 'failed' | 'open' {
  const safety = (evidence.checks ?? []).filter((check) => (evidenceSafetyChecks as readonly string[]).includes(check.check));
  if (!evidence.checks || safety.some((check) => unfinished.has(check.state))) return 'checking';
  return safety.some((check) => check.state !== EvidenceCheckState.Passed && check.state !== EvidenceCheckState.NotScanned) ? 'failed' : 'open';
}

/** Verification is offered once every check has finished and none failed; the API says the rest (four eyes). */
export const canBeVerified = (evidence: EvidenceRecord) =>
  evidence.verification !== EvidenceVerification.Verified && summariseChecks(evidence.checks) === 'passed';

/** The ids to ask about again: those whose checks are not finished. */
export const stillChecking = (evidence: readonly EvidenceRecord[]) => evidence.filter(isChecking).map((item) => item.id);

/** `ф. 2, оп. 1, д. 11573, л. 1–40` as labelled parts; sheets as ranges with the verso marked. */
export function referenceParts(reference: ParsedReference): Array<{ part: 'archive' | 'fond' | 'opis' | 'delo' | 'sheets'; value: string }> {
  const side = (sheet: number, verso?: boolean) => `${sheet}${verso ? ' об.' : ''}`;
  const sheets = reference.sheets
    .map((range) =>
      range.to === range.from && Boolean(range.fromVerso) === Boolean(range.toVerso)
        ? side(range.from, range.fromVerso)
        : `${side(range.from, range.fromVerso)}–${side(range.to, range.toVerso)}`,
    )
    .join(', ');
  return [
    ...(reference.archive ? [{ part: 'archive' as const, value: reference.archive }] : []),
    { part: 'fond' as const, value: reference.fond },
    { part: 'opis' as const, value: reference.opis },
    { part: 'delo' as const, value: reference.delo },
    ...(sheets ? [{ part: 'sheets' as const, value: sheets }] : []),
  ];
}

/** What the upload form holds; the reference is one field, parsed by the API. */
export interface UploadValues {
  kind: EvidenceKind | '';
  reference?: string;
  documentDate?: string;
  language?: string;
  archiveRequestId?: string;
}

export const acceptedTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'];

/** The multipart body `POST /api/cases/:id/evidence` takes: the file as `file`, nothing empty (the API checks each field sent). */
export function uploadBody(file: Blob & { name?: string }, values: UploadValues): FormData {
  const form = new FormData();
  form.append('kind', values.kind || EvidenceKind.Other);
  for (const field of ['reference', 'documentDate', 'language', 'archiveRequestId'] as const) {
    const value = (values[field] ?? '').trim();
    if (value) form.append(field, value);
  }
  form.append('file', file, file.name ?? 'document');
  return form;
}

/** A file the API would refuse by its type, told before sending 40 pages over the wire. */
export const isAcceptedFile = (file: { type: string; name: string }) =>
  acceptedTypes.includes(file.type) || /\.(pdf|jpe?g|png|tiff?)$/i.test(file.name);

/** The viewer can show PDFs and the images a browser draws itself (not TIFF). */
export function viewerOf(mime: string): 'pdf' | 'image' | 'none' {
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'image/jpeg' || mime === 'image/png') return 'image';
  return 'none';
}

/** Bytes as a person reads them, in the screen's language. */
export function fileSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/** Human-readable case numbers: region code, year, and a per-region-and-year sequence, e.g. ALM-2026-000123. */
export function formatCaseNumber(regionCode: string, year: number, sequence: number): string {
  if (!/^[A-Z]{3}$/.test(regionCode)) throw new RangeError(`region code ${regionCode} must be three capital letters`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`sequence ${sequence} must be 1–999999`);
  return `${regionCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

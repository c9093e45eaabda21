/** Whether a file of an archive's inventory may be read by researchers (the archive's own record of it). */
export enum DeclassificationStatus {
  Declassified = 'declassified',
  Classified = 'classified',
  Unknown = 'unknown',
}

/** A file (дело) of an archive's inventory: fonds → opisi → files, with its declassification. */
export interface InventoryEntryView {
  id: string;
  archiveCode: string;
  fond: string;
  opis: string;
  delo: string;
  /** «ф. 141, оп. 1, д. 1234» */
  reference: string;
  title: string;
  years: string | null;
  status: DeclassificationStatus;
  declassifiedOn: string | null;
  note: string | null;
  mentions: number;
  updatedAt: string;
  version: number;
}

/** What an inventory import did. */
export interface InventoryImportReport {
  totalRows: number;
  created: number;
  updated: number;
}

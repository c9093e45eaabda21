import { foldWords } from './fold-name.js';

/**
 * The search key of a place name, the same for every script it is written in: «Алма-Ата» and "Alma-Ata" both
 * give `almata`; «Ақмола» and "Aqmola" give `akmola`. Words are folded like a person's names
 * (libs/domain names folding) and joined by spaces; a query is keyed the same way.
 */
export function placeSearchKey(name: string): string {
  return foldWords(name).map((word) => word.text).join(' ');
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An evidence check's reason as a code of the catalogue (libs/contracts/src/codes.ts) with its params, beside
 * the English text, so a screen says it in kk, ru or en. Reasons written before are coded where their
 * English text is one of the known forms; any other keeps its text only.
 */
export class EvidenceCheckReasonCodes1796169886608 implements MigrationInterface {
  name = 'EvidenceCheckReasonCodes1796169886608';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_checks" ADD "reason_code" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "evidence_checks" ADD "reason_params" jsonb`);
    // by hand from here: the reasons already written
    const fixed: Array<[string, string]> = [
      ['SHA-256 verified', 'check.checksum_verified'],
      ['no malware scanner is configured (CLAMAV_HOST)', 'check.malware_not_configured'],
      ['ClamAV found no known signature', 'check.malware_clean'],
      ['OCR found no text', 'check.ocr_empty'],
      ['skipped: the file is quarantined', 'check.skipped_quarantined'],
    ];
    for (const [reason, code] of fixed) {
      await queryRunner.query(`UPDATE "evidence_checks" SET "reason_code" = $2, "reason_params" = '{}'::jsonb WHERE "reason" = $1`, [reason, code]);
    }
    const patterns: Array<[string, string, string]> = [
      ['^content is (.+)$', 'check.sniff_passed', `jsonb_build_object('detected', m[1])`],
      ['^OCR read ([0-9]+) characters$', 'check.ocr_read', `jsonb_build_object('characters', m[1]::int)`],
      ['^thumbnail of ([0-9]+) bytes$', 'check.thumbnail_made', `jsonb_build_object('bytes', m[1]::int)`],
      ['^([0-9]+) page\\(s\\), text layer of ([0-9]+) characters$', 'check.text_layer', `jsonb_build_object('pages', m[1]::int, 'characters', m[2]::int)`],
      [
        '^([0-9]+) page\\(s\\) without a text layer; OCR of ([0-9]+) page\\(s\\) read ([0-9]+) characters$',
        'check.text_ocr',
        `jsonb_build_object('pages', m[1]::int, 'ocrPages', m[2]::int, 'characters', m[3]::int)`,
      ],
      [
        '^found ([0-9]+) reference\\(s\\), ([0-9]+) date\\(s\\), ([0-9]+) name\\(s\\); ([0-9]+) new proposal\\(s\\)$',
        'check.proposals_found',
        `jsonb_build_object('references', m[1]::int, 'dates', m[2]::int, 'names', m[3]::int, 'added', m[4]::int)`,
      ],
      ['^ClamAV found (.+)$', 'check.malware_found', `jsonb_build_object('signature', m[1])`],
    ];
    for (const [pattern, code, params] of patterns) {
      await queryRunner.query(
        `UPDATE "evidence_checks" c SET "reason_code" = $2, "reason_params" = ${params}
         FROM (SELECT evidence_id, "check", regexp_match(reason, $1) AS m FROM "evidence_checks" WHERE reason_code IS NULL) r
         WHERE c.evidence_id = r.evidence_id AND c."check" = r."check" AND r.m IS NOT NULL`,
        [pattern, code],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_checks" DROP COLUMN "reason_params"`);
    await queryRunner.query(`ALTER TABLE "evidence_checks" DROP COLUMN "reason_code"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The correspondence register: letter templates as data (kind × language, seeded here, edited by an
 * administrator), a counter per (year, kind) numbering outgoing letters without gaps or repeats, and the
 * letters of a case (outgoing with their PDF and delivery, incoming with the sender's number and a scan).
 * The application role gets its privileges from aqtalu_grant_app_privileges.
 */
export class CorrespondenceRegister1796183100000 implements MigrationInterface {
  name = 'CorrespondenceRegister1796183100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const kinds = `'applicant_receipt','applicant_documents_request','applicant_decision','archive_request','archive_reminder','refusal'`;
    await queryRunner.query(
      `CREATE TABLE "letter_templates" ("kind" character varying(40) NOT NULL, "language" character varying(2) NOT NULL, "subject" text NOT NULL, "body" text NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        CONSTRAINT "ck_letter_templates_kind" CHECK (kind IN (${kinds})), CONSTRAINT "ck_letter_templates_language" CHECK (language IN ('kk','ru')),
        CONSTRAINT "pk_letter_templates" PRIMARY KEY ("kind", "language"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "letter_counters" ("year" integer NOT NULL, "kind" character varying(40) NOT NULL, "last_no" integer NOT NULL,
        CONSTRAINT "ck_letter_counters_kind" CHECK (kind IN (${kinds})), CONSTRAINT "pk_letter_counters" PRIMARY KEY ("year", "kind"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "letters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
        "direction" character varying(8) NOT NULL, "kind" character varying(40), "language" character varying(2), "year" integer, "seq" integer,
        "number" text NOT NULL, "letter_date" date NOT NULL, "subject" text, "body" text, "recipient_email" character varying(320), "sender" text,
        "status" character varying(16) NOT NULL, "pdf" bytea, "rendered_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE,
        "evidence_id" uuid REFERENCES "evidence"("id") ON DELETE SET NULL, "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_letters_direction" CHECK (direction IN ('outgoing','incoming')),
        CONSTRAINT "ck_letters_kind" CHECK (kind IS NULL OR kind IN (${kinds})),
        CONSTRAINT "ck_letters_status" CHECK (status IN ('rendering','to_send','sent','printed','handed_over','registered')),
        CONSTRAINT "ck_letters_outgoing" CHECK (direction = 'incoming' OR (kind IS NOT NULL AND language IS NOT NULL AND year IS NOT NULL AND seq IS NOT NULL)),
        CONSTRAINT "pk_letters" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_letters_number" ON "letters" ("kind", "year", "seq") WHERE direction = 'outgoing'`);
    await queryRunner.query(`CREATE INDEX "ix_letters_case" ON "letters" ("case_id", "created_at")`);
    await queryRunner.query(`INSERT INTO "letter_templates" (kind, language, subject, body) VALUES
      ('applicant_receipt', 'kk', '{caseNumber} өтініш қабылданды', 'Құрметті {applicantName}!\n\n{subjectName} туралы өтінішіңіз {date} қабылданып, {caseNumber} нөмірімен тіркелді.'),
      ('applicant_receipt', 'ru', 'Заявление принято, дело {caseNumber}', 'Уважаемый(ая) {applicantName}!\n\nВаше заявление о {subjectName} принято {date} и зарегистрировано под номером {caseNumber}.'),
      ('applicant_documents_request', 'kk', '{caseNumber} ісі бойынша құжаттар сұралады', 'Құрметті {applicantName}!\n\n{caseNumber} ісін қарау үшін {subjectName} туралы қосымша құжаттарды ұсынуыңызды сұраймыз.'),
      ('applicant_documents_request', 'ru', 'Запрос документов по делу {caseNumber}', 'Уважаемый(ая) {applicantName}!\n\nДля рассмотрения дела {caseNumber} просим представить дополнительные документы о {subjectName}.'),
      ('applicant_decision', 'kk', '{caseNumber} ісі бойынша шешім', 'Құрметті {applicantName}!\n\nКомиссия {subjectName} туралы {caseNumber} ісі бойынша шешім қабылдағанын хабарлаймыз.'),
      ('applicant_decision', 'ru', 'Решение по делу {caseNumber}', 'Уважаемый(ая) {applicantName}!\n\nСообщаем, что Комиссия приняла решение по делу {caseNumber} в отношении {subjectName}.'),
      ('archive_request', 'kk', '{archiveName}: {caseNumber} ісі бойынша сұрау', '{archiveName} басшысына\n\n{caseNumber} ісі бойынша {subjectName} туралы мұрағат құжаттарының көшірмелерін жіберуіңізді сұраймыз.'),
      ('archive_request', 'ru', '{archiveName}: запрос по делу {caseNumber}', 'Руководителю {archiveName}\n\nПросим направить копии архивных документов о {subjectName} по делу {caseNumber}.'),
      ('archive_reminder', 'kk', '{archiveName}: {caseNumber} ісі бойынша еске салу', '{archiveName} басшысына\n\n{caseNumber} ісі бойынша {subjectName} туралы сұрауымызға жауап күтетінімізді еске саламыз.'),
      ('archive_reminder', 'ru', '{archiveName}: напоминание по делу {caseNumber}', 'Руководителю {archiveName}\n\nНапоминаем, что ответ на запрос о {subjectName} по делу {caseNumber} ещё не получен.'),
      ('refusal', 'kk', '{caseNumber} ісі бойынша бас тарту', 'Құрметті {applicantName}!\n\n{subjectName} туралы өтінішіңіз бойынша {caseNumber} ісі қаралып, бас тартылғанын хабарлаймыз.'),
      ('refusal', 'ru', 'Отказ по делу {caseNumber}', 'Уважаемый(ая) {applicantName}!\n\nСообщаем, что по вашему заявлению о {subjectName} (дело {caseNumber}) принято решение об отказе.')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "letters"`);
    await queryRunner.query(`DROP TABLE "letter_counters"`);
    await queryRunner.query(`DROP TABLE "letter_templates"`);
  }
}

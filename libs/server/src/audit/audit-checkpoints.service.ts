import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { verifyAuditLog, type AuditVerdict } from './audit-chain.js';
import { AuditCheckpointFolder, auditSigningKey, auditVerifyKey, readCheckpoints, signCheckpoint, type ChainHead } from './audit-checkpoint.js';

export type AuditVerification = AuditVerdict & {
  /** Whether the chain was held against signed checkpoints (a verification key is configured). */
  checkpointsChecked: boolean;
  /** Files in the checkpoint folder that are not checkpoints signed by the configured key. */
  rejectedCheckpoints: string[];
};

/** Keys and folder of the signed checkpoints, from configuration; one per process. */
export function checkpointSettings(config: Pick<AppConfig, 'auditCheckpoints'>): {
  folder: AuditCheckpointFolder;
  privateKey: KeyObject | null;
  publicKey: KeyObject | null;
} {
  const { signingKey, verifyKey, dir } = config.auditCheckpoints;
  const privateKey = signingKey ? auditSigningKey(signingKey) : null;
  const publicKey = verifyKey ? auditVerifyKey(verifyKey) : privateKey ? createPublicKey(privateKey) : null;
  return { folder: new AuditCheckpointFolder(dir), privateKey, publicKey };
}

/** Verifies the whole log against its checkpoints: `npm run audit:verify` and the auditors' route. */
export async function verifyAuditLogWithCheckpoints(
  dataSource: DataSource,
  config: Pick<AppConfig, 'auditCheckpoints'>,
): Promise<AuditVerification> {
  const { folder, publicKey } = checkpointSettings(config);
  if (!publicKey) return { ...(await verifyAuditLog(dataSource)), checkpointsChecked: false, rejectedCheckpoints: [] };
  const { trusted, rejected } = await readCheckpoints(folder, publicKey);
  const verdict = await verifyAuditLog(dataSource, { checkpoints: trusted });
  return { ...verdict, checkpointsChecked: true, rejectedCheckpoints: rejected };
}

@Injectable()
export class AuditCheckpoints {
  private readonly logger = new Logger(AuditCheckpoints.name);
  private readonly settings: ReturnType<typeof checkpointSettings>;
  private lastWrittenAt = 0;
  private lastSeq = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.settings = checkpointSettings(config);
    if (!this.settings.privateKey && config.env === 'production') {
      this.logger.warn('AUDIT_SIGNING_KEY is not set: the audit chain is not anchored by signed checkpoints outside the database');
    }
  }

  /** Signs and writes the chain's head when the interval has passed since this process last did. */
  async afterSeal(head: ChainHead, now = Date.now()): Promise<void> {
    const { privateKey, folder } = this.settings;
    if (!privateKey || head.chainSeq === this.lastSeq) return;
    if (now - this.lastWrittenAt < this.config.auditCheckpoints.intervalSeconds * 1000) return;
    await folder.write(signCheckpoint(head, privateKey, new Date(now)));
    this.lastWrittenAt = now;
    this.lastSeq = head.chainSeq;
  }

  verify(): Promise<AuditVerification> {
    return verifyAuditLogWithCheckpoints(this.dataSource, this.config);
  }
}

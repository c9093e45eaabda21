import { canonicalJson } from '@aqtalu/domain';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A signed statement of the chain's head: "entry `chainSeq` has hash `hash`". Signed with an Ed25519 key the
 * database does not hold and kept outside the database, so someone who can rewrite the audit log and
 * re-hash every entry after the change still cannot make the chain agree with an earlier checkpoint.
 */
export interface AuditCheckpoint {
  chainSeq: string;
  hash: string;
  entryId: string;
  signedAt: string;
  /** SHA-256 of the public key (SPKI DER), hex: which key signed. */
  keyId: string;
  /** Ed25519 signature of the canonical JSON of the fields above, base64. */
  signature: string;
}

export interface ChainHead {
  chainSeq: string;
  hash: string;
  entryId: string;
}

const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
const ed25519SpkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/** A private key from configuration: PKCS#8 PEM, or the 32-byte seed in base64/base64url/hex. */
export function auditSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return createPrivateKey(trimmed);
  const seed = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (seed.length !== 32) throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 private key: PKCS#8 PEM or its 32-byte seed in hex or base64');
  return createPrivateKey({ key: Buffer.concat([ed25519Pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
}

/** A public key from configuration: SPKI PEM, or the 32 raw bytes in base64/base64url/hex. */
export function auditVerifyKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return createPublicKey(trimmed);
  const raw = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (raw.length !== 32) throw new Error('AUDIT_VERIFY_KEY must be an Ed25519 public key: SPKI PEM or its 32 bytes in hex or base64');
  return createPublicKey({ key: Buffer.concat([ed25519SpkiPrefix, raw]), format: 'der', type: 'spki' });
}

/** A new key pair for `npm start` and tests: the 32-byte seed (hex) and the raw public key (hex). */
export function newAuditKeyPair(): { signingKey: string; verifyKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(ed25519Pkcs8Prefix.length);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(ed25519SpkiPrefix.length);
  return { signingKey: seed.toString('hex'), verifyKey: raw.toString('hex') };
}

const keyIdOf = (publicKey: KeyObject) => createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex');
const signedText = (checkpoint: Omit<AuditCheckpoint, 'signature'>) =>
  Buffer.from(canonicalJson({ chainSeq: checkpoint.chainSeq, hash: checkpoint.hash, entryId: checkpoint.entryId, signedAt: checkpoint.signedAt, keyId: checkpoint.keyId }));

export function signCheckpoint(head: ChainHead, privateKey: KeyObject, signedAt = new Date()): AuditCheckpoint {
  const unsigned = { ...head, signedAt: signedAt.toISOString(), keyId: keyIdOf(createPublicKey(privateKey)) };
  return { ...unsigned, signature: sign(null, signedText(unsigned), privateKey).toString('base64') };
}

export function checkpointSignatureValid(checkpoint: AuditCheckpoint, publicKey: KeyObject): boolean {
  if (checkpoint.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, signedText(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Checkpoints as files in a folder of their own (a volume outside the database's host, in production). */
export class AuditCheckpointFolder {
  constructor(readonly dir: string) {}

  async write(checkpoint: AuditCheckpoint): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const name = `checkpoint-${checkpoint.chainSeq.padStart(15, '0')}.json`;
    const temporary = join(this.dir, `.${name}.${process.pid}.tmp`);
    await writeFile(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`, { mode: 0o444 });
    await rename(temporary, join(this.dir, name));
    return name;
  }

  /** Every checkpoint in chain order; a file that is not a checkpoint is reported, not skipped. */
  async all(): Promise<Array<{ file: string; checkpoint: AuditCheckpoint | null }>> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const files = names.filter((name) => /^checkpoint-\d+\.json$/.test(name)).sort();
    return Promise.all(
      files.map(async (file) => {
        try {
          const parsed = JSON.parse(await readFile(join(this.dir, file), 'utf8')) as AuditCheckpoint;
          const valid = ['chainSeq', 'hash', 'entryId', 'signedAt', 'keyId', 'signature'].every((key) => typeof parsed[key as keyof AuditCheckpoint] === 'string');
          return { file, checkpoint: valid ? parsed : null };
        } catch {
          return { file, checkpoint: null };
        }
      }),
    );
  }
}

export interface CheckpointCheck {
  /** Checkpoints whose signature verified, in chain order. */
  trusted: AuditCheckpoint[];
  /** Files that are not checkpoints signed by the configured key. */
  rejected: string[];
}

export async function readCheckpoints(folder: AuditCheckpointFolder, publicKey: KeyObject): Promise<CheckpointCheck> {
  const trusted: AuditCheckpoint[] = [];
  const rejected: string[] = [];
  for (const { file, checkpoint } of await folder.all()) {
    if (checkpoint && checkpointSignatureValid(checkpoint, publicKey)) trusted.push(checkpoint);
    else rejected.push(file);
  }
  return { trusted, rejected };
}

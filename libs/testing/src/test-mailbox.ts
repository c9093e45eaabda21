import { freePort } from '@aqtalu/dev-stack';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  /** The message as sent (headers and body). */
  raw: string;
  /** The body decoded (base64 or quoted-printable), for reading what a person reads. */
  body: string;
}

export interface TestMailbox {
  /** `smtp://127.0.0.1:<port>`: the SMTP_URL to give the application. */
  url: string;
  mails: CapturedMail[];
  close(): Promise<void>;
}

/** The body of a one-part message, decoded. */
export function decodedBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(raw.slice(0, split))?.[1]?.toLowerCase();
  const body = raw.slice(split + 4);
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_all, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}

/** A real SMTP server on loopback that keeps every message it is sent (no TLS, no authentication). */
export async function startTestMailbox(): Promise<TestMailbox> {
  const mails: CapturedMail[] = [];
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, body: decodedBody(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** Sends e-mail through SMTP_URL; one transport per process, none when SMTP is not configured. */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtp.url ? nodemailer.createTransport(config.smtp.url) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Returns whether a message was handed to the SMTP server (false when SMTP is not configured). */
  async send(message: { to: string; subject: string; text: string; attachments?: Array<{ filename: string; content: Buffer; contentType: string }> }): Promise<boolean> {
    if (!this.transport) return false;
    await this.transport.sendMail({ from: this.config.smtp.from, ...message });
    return true;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { setupCodeRequired } from '@verkosto/domain';
import type { AccountStore } from '@verkosto/graph';
import type { Request } from 'express';
import { ACCOUNT_STORE } from '../common/store.module';
import { APP_CONFIG, type AppConfig } from '../config';
import { fromLoopback } from './client-address';

/** No 0/O, 1/I/L: read off a terminal and typed in by hand. 12 of these 31 signs: 59 random bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

const digest = (code: string) =>
  createHash('sha256')
    .update(code.toUpperCase().replace(/[^A-Z0-9]/g, ''), 'utf8')
    .digest();

/**
 * The one-time set-up code of a Verkosto without accounts (as Grafana and Jenkins do): printed in
 * the server's log, asked for when the first administrator is created, or a backup restored, from
 * another machine. Whoever reads the log owns the server anyway; whoever merely reaches it over
 * the network does not get it. Callers on this machine (loopback) need no code.
 */
@Injectable()
export class SetupCode {
  private readonly logger = new Logger('Set-up');
  private code: string | null = null;

  constructor(
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** True while Verkosto has no accounts: it is being set up. */
  async settingUp(): Promise<boolean> {
    return (await this.accounts.countUsers()) === 0;
  }

  /** Prints the code while there are no accounts: at start, and again once a used code is spent. */
  async announce(): Promise<void> {
    if (await this.settingUp()) this.current();
  }

  /** True when this request must give the code to set Verkosto up. */
  async required(req: Request): Promise<boolean> {
    return !fromLoopback(req, this.config.trustProxy) && (await this.settingUp());
  }

  /** Refuses a set-up step from another machine without the right code (SETUP_CODE_REQUIRED). */
  check(req: Request, given: string | null | undefined): void {
    if (fromLoopback(req, this.config.trustProxy)) return;
    if (!given?.trim()) {
      throw setupCodeRequired('Give the set-up code that Verkosto printed in its log at start, or open the page on the server itself.');
    }
    if (!timingSafeEqual(digest(given), digest(this.current()))) {
      this.logger.warn(`A wrong set-up code was given from ${req.ip ?? 'an unknown address'}.`);
      throw setupCodeRequired('The set-up code is not right: copy it from Verkosto’s log at start (it is used only once).');
    }
  }

  /** A code works once: after a set-up step the next one (if there are still no accounts) needs a new code. */
  async spend(): Promise<void> {
    this.code = null;
    await this.announce();
  }

  private current(): string {
    if (!this.code) {
      const letters = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      this.code = letters.match(/.{4}/g)!.join('-');
      this.logger.warn(
        `Verkosto has no accounts yet. Set-up code for the first administrator (the web app asks for it unless opened on this machine): ${this.code} — it works once. Or set ADMIN_EMAIL and ADMIN_PASSWORD.`,
      );
    }
    return this.code;
  }
}

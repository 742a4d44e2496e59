// The server's log, at the level the user chose (`palisade.server.logLevel`, passed in
// initializationOptions): errors always; `info` says what the server does (start, packs, each
// analysis with its timing); `debug` adds every request. It goes to the client's output channel
// through `window/logMessage`, so VS Code shows it in the "Palisade" output.
import type { Logger } from './guard';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}

export class LeveledLogger implements Logger {
  private rank: number;

  constructor(private readonly sink: LogSink, level: LogLevel = 'info') {
    this.rank = LOG_LEVELS.indexOf(level);
  }

  setLevel(level: LogLevel): void {
    this.rank = LOG_LEVELS.indexOf(level);
  }

  enabled(level: LogLevel): boolean {
    return LOG_LEVELS.indexOf(level) <= this.rank;
  }

  error(message: string): void {
    this.sink.error(message);
  }

  warn(message: string): void {
    if (this.enabled('warn')) this.sink.warn(message);
  }

  info(message: string): void {
    if (this.enabled('info')) this.sink.info(`${timestamp()} ${message}`);
  }

  debug(message: string): void {
    if (this.enabled('debug')) this.sink.log(`${timestamp()} [debug] ${message}`);
  }
}

function timestamp(): string {
  return new Date().toISOString().slice(11, 23);
}

// One-line JSON logs on stderr with a level threshold. Never called per follower or per frame.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  (level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(threshold: LogLevel, name: string, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  return (level, msg, fields) => {
    if (RANK[level] < RANK[threshold]) return;
    write(JSON.stringify({ t: new Date().toISOString(), level, name, msg, ...fields }));
  };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
}

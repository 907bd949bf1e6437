/** Fields attached to every line a logger writes (rule id, account, region, message type…). */
export type LogFields = Readonly<Record<string, unknown>>;

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** Structured logger: one JSON object per line. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LogRecord extends Record<string, unknown> {
  readonly level: LogLevel;
  readonly message: string;
  readonly timestamp: string;
}

function errorToJson(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}

/** A logger that hands each record to `sink` (stdout for Lambda, an array for tests). */
export function createLogger(
  sink: (record: LogRecord) => void,
  base: LogFields = {},
  now: () => Date = () => new Date(),
): Logger {
  const write = (level: LogLevel, message: string, fields: LogFields = {}): void => {
    const merged: Record<string, unknown> = {};
    for (const [k, v] of Object.entries({ ...base, ...fields })) merged[k] = errorToJson(v);
    sink({ ...merged, level, message, timestamp: now().toISOString() });
  };
  return {
    debug: (m, f) => write('DEBUG', m, f),
    info: (m, f) => write('INFO', m, f),
    warn: (m, f) => write('WARN', m, f),
    error: (m, f) => write('ERROR', m, f),
    child: (fields) => createLogger(sink, { ...base, ...fields }, now),
  };
}

/** One JSON object per line on stdout (what CloudWatch Logs Insights reads). */
export function createJsonLogger(base: LogFields = {}): Logger {
  return createLogger((record) => process.stdout.write(`${JSON.stringify(record)}\n`), base);
}

/** A logger that keeps its records in memory, for tests. */
export function createCapturingLogger(base: LogFields = {}): { logger: Logger; records: LogRecord[] } {
  const records: LogRecord[] = [];
  return { logger: createLogger((r) => records.push(r), base), records };
}

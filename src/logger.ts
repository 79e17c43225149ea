// pino logger. Logs carry ids, never phone numbers or message text: the
// redaction list is a safety net for fields that should not be logged at all.
import { pino, type Logger } from 'pino';

const redactedKeys = ['body', 'Body', 'text', 'From', 'To', 'from', 'to', 'address', 'phone', 'email', 'password', 'name', 'ProfileName'];

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [...redactedKeys, ...redactedKeys.map((key) => `*.${key}`), 'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-twilio-signature"]'],
      censor: '[redacted]',
    },
    base: { service: 'spreekuur' },
  });
}

// The one place that reads process.env: every setting is validated with zod,
// and a bad value stops start-up with all bad fields named at once.
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { localeSchema } from './content/schema.js';

const optionalString = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
    /** The URL Twilio calls, as Twilio sees it (needed for signatures behind a proxy). */
    PUBLIC_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
    DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().optional()),
    DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
    DATA_DIR: z.string().default('./data'),
    CONTENT_DIR: z.string().default('./content'),
    /** Use tenants' samples/ files (demo schedules) where real data is missing; say "sample" when shown. */
    CONTENT_USE_SAMPLES: booleanFlag.default(true),
    TWILIO_ACCOUNT_SID: optionalString.pipe(z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must look like AC followed by 32 hex digits').optional()),
    TWILIO_AUTH_TOKEN: optionalString,
    TWILIO_WHATSAPP_FROM: optionalString.pipe(z.string().regex(/^whatsapp:\+\d{6,15}$/, 'must look like whatsapp:+31...').optional()),
    TWILIO_SMS_FROM: optionalString.pipe(z.string().regex(/^\+\d{6,15}$|^MG[0-9a-fA-F]{32}$/, 'must be an E.164 number or a Messaging Service SID').optional()),
    TWILIO_API_BASE_URL: z.url().default('https://api.twilio.com'),
    /** Content SID of the approved WhatsApp template sent outside the 24-hour window. */
    TWILIO_WHATSAPP_TEMPLATE_SID: optionalString.pipe(z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content SID (HX...)').optional()),
    TWILIO_REMINDER_TEMPLATE_SID: optionalString.pipe(z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content SID (HX...)').optional()),
    /** Skip signature checks: only for local experiments, refused in production. */
    TWILIO_SKIP_SIGNATURE: booleanFlag.default(false),
    SESSION_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEFAULT_TENANT: z.string().regex(/^[a-z0-9-]+$/).default('het-hogeland'),
    DEFAULT_LOCALE: localeSchema.default('nl'),
    /** Which background workers this process runs: inbox (bot turns), outbox (sending), reminders. */
    WORKERS: z
      .string()
      .default('inbox,outbox,reminders')
      .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
      .pipe(z.array(z.enum(['inbox', 'outbox', 'reminders', 'none']))),
    OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
    OUTBOX_BACKOFF_MS: z.coerce.number().int().positive().default(2000),
    MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
    TZ_SPREEKUUR: z.string().default('Europe/Amsterdam'),
    /** Local hour of the reminder the day before an appointment. */
    REMINDER_DAY_BEFORE_HOUR: z.coerce.number().int().min(0).max(23).default(18),
    /** Also remind two hours before the appointment. */
    REMINDER_TWO_HOURS: booleanFlag.default(false),
    REMINDER_POLL_SECONDS: z.coerce.number().positive().default(30),
  })
  .superRefine((config, ctx) => {
    const twilioFields = [config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN];
    if (twilioFields.some(Boolean) && !twilioFields.every(Boolean)) {
      ctx.addIssue({ code: 'custom', path: ['TWILIO_AUTH_TOKEN'], message: 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together' });
    }
    if (config.TWILIO_ACCOUNT_SID && !config.TWILIO_WHATSAPP_FROM && !config.TWILIO_SMS_FROM) {
      ctx.addIssue({ code: 'custom', path: ['TWILIO_WHATSAPP_FROM'], message: 'set TWILIO_WHATSAPP_FROM and/or TWILIO_SMS_FROM' });
    }
    if (config.NODE_ENV === 'production') {
      if (!config.SESSION_SECRET) ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'required in production' });
      if (config.TWILIO_SKIP_SIGNATURE) ctx.addIssue({ code: 'custom', path: ['TWILIO_SKIP_SIGNATURE'], message: 'not allowed in production' });
      if (config.TWILIO_ACCOUNT_SID && !config.PUBLIC_URL) ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'required with Twilio in production' });
    }
  });

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  - ${fields.join('\n  - ')}`);
  }
  return parsed.data;
}

export function hasTwilio(config: Config): boolean {
  return Boolean(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN);
}

// Sends outbox items with the real twilio SDK. TWILIO_API_BASE_URL lets tests
// and staging point the SDK at a fake API; the SDK still builds every request.
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { ChannelError } from '../../errors.js';

export interface SendRequest {
  from: string;
  to: string;
  body: string;
  mediaUrls: string[];
  contentSid: string | null;
  contentVariables: Record<string, string> | null;
  statusCallback: string | undefined;
}

export class TwilioSendError extends ChannelError {
  constructor(
    message: string,
    readonly httpStatus: number | null,
    readonly twilioCode: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

type RequestOptions<TData> = RequestClient.RequestOptions<TData>;

/** Rewrites https://api.twilio.com/... to the configured base URL. */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: RequestOptions<TData>) {
    opts.uri = opts.uri.replace(/^https:\/\/[a-z0-9.-]*twilio\.com/, this.baseUrl.replace(/\/$/, ''));
    return super.request<TData>(opts);
  }
}

export class TwilioSender {
  private readonly client: twilio.Twilio;

  constructor(accountSid: string, authToken: string, apiBaseUrl: string) {
    const httpClient = apiBaseUrl.startsWith('https://api.twilio.com') ? undefined : new BaseUrlRequestClient(apiBaseUrl);
    this.client = twilio(accountSid, authToken, httpClient ? { httpClient } : {});
  }

  /** Sends one message; resolves with Twilio's MessageSid. */
  async send(request: SendRequest): Promise<string> {
    try {
      const message = await this.client.messages.create({
        from: request.from,
        to: request.to,
        ...(request.contentSid
          ? { contentSid: request.contentSid, contentVariables: JSON.stringify(request.contentVariables ?? {}) }
          : { body: request.body }),
        ...(request.mediaUrls.length > 0 ? { mediaUrl: request.mediaUrls } : {}),
        ...(request.statusCallback ? { statusCallback: request.statusCallback } : {}),
      });
      return message.sid;
    } catch (error) {
      throw classifyTwilioError(error);
    }
  }
}

/** 429, 5xx and network errors are worth retrying; other 4xx are not. */
export function classifyTwilioError(error: unknown): TwilioSendError {
  const status = numberField(error, 'status');
  const code = numberField(error, 'code');
  const message = error instanceof Error ? error.message : String(error);
  if (status === null) return new TwilioSendError(`network error: ${message}`, null, code, true);
  const retryable = status === 429 || status >= 500;
  return new TwilioSendError(`Twilio answered ${status}${code ? ` (code ${code})` : ''}`, status, code, retryable);
}

function numberField(value: unknown, field: string): number | null {
  if (typeof value !== 'object' || value === null || !(field in value)) return null;
  const raw: unknown = Reflect.get(value, field);
  return typeof raw === 'number' ? raw : null;
}

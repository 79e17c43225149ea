// Typed errors by origin. Each carries a stable code; the two catch-alls
// (turn-error handler, HTTP error middleware) decide what a person sees.
export abstract class SpreekuurError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ConfigError extends SpreekuurError {
  readonly code = 'config_invalid';
}

export class ContentError extends SpreekuurError {
  readonly code = 'content_invalid';
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}\n  - ${problems.join('\n  - ')}` : message);
  }
}

export class ChannelError extends SpreekuurError {
  readonly code = 'channel_error';
}

export class StorageError extends SpreekuurError {
  readonly code = 'storage_error';
}

/** A request that fails validation: 400 with the field messages. */
export class ValidationError extends SpreekuurError {
  readonly code = 'validation_failed';
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

export class NotFoundError extends SpreekuurError {
  readonly code = 'not_found';
}

export class ForbiddenError extends SpreekuurError {
  readonly code = 'forbidden';
}

export class ConflictError extends SpreekuurError {
  readonly code = 'conflict';
}

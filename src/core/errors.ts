/**
 * The one error hierarchy. Services throw these; src/http/error-handler.ts maps them, and every
 * other failure, to RFC 9457 problem+json.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class BadRequest extends AppError {
  constructor(
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(400, 'Bad Request', detail, errors.length ? { errors } : {});
  }
}
export class Unauthorized extends AppError {
  constructor(detail = 'Authentication is required.') {
    super(401, 'Unauthorized', detail);
  }
}
export class Forbidden extends AppError {
  constructor(detail = 'You are not allowed to do this.') {
    super(403, 'Forbidden', detail);
  }
}
export class NotFound extends AppError {
  constructor(what = 'resource') {
    super(404, 'Not Found', `No such ${what}.`);
  }
}
export class Conflict extends AppError {
  constructor(detail: string) {
    super(409, 'Conflict', detail);
  }
}
export class PreconditionFailed extends AppError {
  constructor(detail = 'The resource has changed since you read it; reload and try again.') {
    super(412, 'Precondition Failed', detail);
  }
}
export class PayloadTooLarge extends AppError {
  constructor(detail = 'The request body is too large.') {
    super(413, 'Payload Too Large', detail);
  }
}
export class UnsupportedMediaType extends AppError {
  constructor(detail = 'This content type is not accepted here.') {
    super(415, 'Unsupported Media Type', detail);
  }
}
export class UnprocessableContent extends AppError {
  constructor(detail: string) {
    super(422, 'Unprocessable Content', detail);
  }
}
export class PreconditionRequired extends AppError {
  constructor(detail = 'This update needs an If-Match header with the ETag you last read.') {
    super(428, 'Precondition Required', detail);
  }
}
export class TooManyRequests extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'Too Many Requests', `Too many requests; retry in ${retryAfterSeconds} s.`);
  }
}
export class ServiceUnavailable extends AppError {
  constructor(detail = 'The service is temporarily unavailable; try again shortly.') {
    super(503, 'Service Unavailable', detail);
  }
}

/**
 * The one application error type. `userMessage` is safe to show; `message` is for logs.
 * 404 is used both for what does not exist and for what the user may not see.
 */
export type ErrorCode = 'not-found' | 'forbidden' | 'bad-request' | 'conflict' | 'csrf';

const statusByCode: Record<ErrorCode, number> = {
  'not-found': 404,
  forbidden: 403,
  'bad-request': 400,
  conflict: 409,
  csrf: 403,
};

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    internalMessage?: string,
  ) {
    super(internalMessage ?? userMessage);
    this.statusCode = statusByCode[code];
  }
}

export const notFound = (what = 'Page not found'): AppError => new AppError('not-found', what);
export const forbidden = (why = 'You do not have permission to see this page'): AppError =>
  new AppError('forbidden', why);

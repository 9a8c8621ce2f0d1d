/**
 * Failures a caller of the renderer can act on. All are transient from the caller's point of view
 * (HTTP 503 with Retry-After, or a job retry), except a failure that keeps recurring for one document.
 */
export class RenderError extends Error {
  override name = 'RenderError';
}

/** The render took longer than its deadline; its page was closed and the pool carries on. */
export class RenderTimeoutError extends RenderError {
  override name = 'RenderTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`Rendering did not finish within ${timeoutMs} ms`);
  }
}

/**
 * Chromium exited or disconnected during the render. Not retried by the pool: a document that crashes
 * the browser would crash it again, so retries belong to the job queue, which counts attempts.
 */
export class BrowserCrashedError extends RenderError {
  override name = 'BrowserCrashedError';
}

export class BrowserLaunchError extends RenderError {
  override name = 'BrowserLaunchError';
}

export class BrowserPoolClosedError extends RenderError {
  override name = 'BrowserPoolClosedError';
  constructor() {
    super('The browser pool is closed');
  }
}

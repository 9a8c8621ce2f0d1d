/**
 * What `npm run demo` prints once the server listens: where to go (the public site and staff
 * sign-in), whether PDFs will print (a browser was found or not), and how to see request logs.
 */
export interface DemoBannerInput {
  host: string;
  port: number;
  chromiumPath: string;
  chromiumFound: boolean;
  logLevel: string;
}

export function demoBanner(input: DemoBannerInput): string {
  // A wildcard address is not somewhere to go: this machine is.
  const host = ['0.0.0.0', '::', ''].includes(input.host)
    ? 'localhost'
    : input.host.includes(':')
      ? `[${input.host}]`
      : input.host;
  const base = `http://${host}:${input.port}`;
  return [
    '',
    'Boardroom demo is running.',
    `  Public site:    ${base}/`,
    `  Staff sign-in:  ${base}/login   (the demo accounts are listed above)`,
    input.chromiumFound
      ? `  PDFs:           a browser was found at ${input.chromiumPath}; agendas, notes and action logs print.`
      : `  PDFs:           no browser found at ${input.chromiumPath}: pages work, PDFs do not. Install Chromium or set CHROMIUM_PATH.`,
    input.logLevel === 'info' || input.logLevel === 'debug' || input.logLevel === 'trace'
      ? `  Logs:           LOG_LEVEL=${input.logLevel}.`
      : `  Logs:           warnings and errors only (LOG_LEVEL=${input.logLevel}); LOG_LEVEL=info shows each request.`,
    '  Stop with Ctrl+C.',
    '',
  ].join('\n');
}

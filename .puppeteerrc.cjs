// Puppeteer must never download a browser: we use Debian's Chromium (see src/config.ts).
module.exports = { skipDownload: true };

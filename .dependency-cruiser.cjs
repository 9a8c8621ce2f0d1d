/**
 * Why this file exists: the layer rules of the code base (docs/architecture.md), checked in CI by
 * `npm run check:deps` so that an import crossing a layer the wrong way, or closing a cycle between
 * folders, fails the build instead of slowly eroding the structure.
 *
 * Layers, lowest first: core (errors, actor, version check, hash) → db → access → text/time/rich-text
 * → documents → modules → public → web → http/app. A folder imports only from folders below it.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'No cycle between folders of src/ (top-level folders and src/modules/<feature>): move the shared piece down instead.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      comment: 'No cycle between files either: a cycle makes load order matter and hides a missing layer.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'features-not-to-web',
      comment: 'Features and the public read side never import the server-rendered pages.',
      severity: 'error',
      from: { path: '^src/(modules|public)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'modules-not-to-public',
      comment: 'The staff features never import the public read side (it reads them, not the reverse).',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/public/' },
    },
    {
      name: 'documents-and-db-not-to-modules',
      comment: 'Printing and the database layer sit below the features and never import them.',
      severity: 'error',
      from: { path: '^src/(documents|db)/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'documents-one-entry-point',
      comment: 'Outside src/documents, documents are imported through src/documents/index.ts only.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/documents/' },
      to: { path: '^src/documents/', pathNot: '^src/documents/index\\.ts$' },
    },
    {
      name: 'core-imports-nothing',
      comment: 'core/ is the bottom layer: it imports nothing from src except database types.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/(core/|db/schema(\\.ts$|/))' },
    },
    {
      name: 'access-imports-core-and-db-only',
      comment: 'access/ decides who sees what from the database alone.',
      severity: 'error',
      from: { path: '^src/access/' },
      to: { path: '^src/', pathNot: '^src/(access|core|db)/' },
    },
    {
      name: 'http-not-to-features-except-app',
      comment: 'http/ is plumbing; features are registered in src/app.ts, not imported by http/.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(modules|public|web|documents)/' },
    },
    {
      name: 'migrations-not-to-src',
      comment: 'A migration is frozen history: it must not change when src/ does.',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    // TypeScript 7 has no compiler API dependency-cruiser can use; swc parses the sources instead.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
  },
};

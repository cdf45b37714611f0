// Builds public/: the stylesheet compiled with the council's colour, govuk-frontend's script,
// Probity's own script and images. Run by `npm run build` (and so by `npm start`).
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const out = path.join(root, 'public');
const colour = process.env.COUNCIL_BRAND_COLOUR ?? '#1d4f91';
if (!/^#[0-9a-fA-F]{6}$/.test(colour)) {
  console.error(`COUNCIL_BRAND_COLOUR must be a colour such as #1d4f91 (got "${colour}")`);
  process.exit(1);
}

await mkdir(path.join(out, 'stylesheets'), { recursive: true });
await mkdir(path.join(out, 'javascripts'), { recursive: true });
await mkdir(path.join(out, 'images'), { recursive: true });

const source = `$probity-brand-colour: ${colour};\n@import "application";`;
const result = sass.compileString(source, {
  loadPaths: [path.join(root, 'src/assets/scss')],
  importers: [new sass.NodePackageImporter(root)],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
await writeFile(path.join(out, 'stylesheets', 'application.css'), result.css);

const govuk = path.join(root, 'node_modules/govuk-frontend/dist/govuk');
await copyFile(
  path.join(govuk, 'govuk-frontend.min.js'),
  path.join(out, 'javascripts/govuk-frontend.min.js'),
);
// Probity's own scripts: application.js on every page, others on the pages that load them.
for (const name of await readdir(path.join(root, 'src/assets/js'))) {
  if (name.endsWith('.js'))
    await copyFile(path.join(root, 'src/assets/js', name), path.join(out, 'javascripts', name));
}
await copyFile(
  path.join(root, 'src/assets/images/favicon.svg'),
  path.join(out, 'images/favicon.svg'),
);

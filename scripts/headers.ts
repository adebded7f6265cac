/**
 * `npm run -s headers -- [DIR] [--format headers|nginx] [--base PATH] [--root DIR]`:
 * prints the headers a static host should send for the site built in DIR
 * (default dist), read from the build itself (src/node/host-headers.ts):
 * `--format headers` (default) is a `_headers` file for Netlify and
 * Cloudflare Pages, `--format nginx` a `location` block serving the site
 * from `<root><base>` (root default /var/www). The base path defaults to the
 * site config's (content/site.yml). See docs/deploy.md.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { headersFile, nginxLocation } from '../src/node/host-headers.ts';
import { loadSiteConfig } from '../src/node/site-config-file.ts';
import { normalizeBase } from '../src/site/base-path.ts';
import { BasePath } from '../src/config/site-config.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string', default: 'headers' },
    base: { type: 'string' },
    root: { type: 'string', default: '/var/www' },
    content: { type: 'string', default: 'content' },
  },
});
const dir = positionals[0] ?? 'dist';
if (!existsSync(join(dir, 'index.html'))) {
  process.stderr.write(`headers: "${dir}" holds no built site; build it first (npm run build)\n`);
  process.exit(2);
}
if (values.base !== undefined && !BasePath.safeParse(values.base).success) {
  process.stderr.write('headers: --base must be a path like /kb/ (letters, digits, - . _ ~ and slashes)\n');
  process.exit(2);
}
const base = values.base === undefined ? loadSiteConfig(values.content).config.base : normalizeBase(values.base);
try {
  if (values.format === 'headers') process.stdout.write(headersFile(dir, base));
  else if (values.format === 'nginx') process.stdout.write(nginxLocation(dir, base, values.root));
  else {
    process.stderr.write(`headers: --format must be headers or nginx, not "${values.format}"\n`);
    process.exit(2);
  }
} catch (error) {
  if (!(error instanceof RangeError)) throw error;
  // "base must be …", "root must be …": the flags that gave them.
  process.stderr.write(`headers: --${error.message}\n`);
  process.exit(2);
}

/**
 * Where the content lives, from the environment the CLI's `build` sets:
 * `VERBATIM_CONTENT` (default `content`), its `episodes/` and `topics/`
 * folders, and `VERBATIM_EPISODES` to read episodes from elsewhere. The
 * content collection, the pages and the search index all resolve them here.
 */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.VERBATIM_CONTENT || 'content';
}

export function episodesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.VERBATIM_EPISODES || `${contentDir(env)}/episodes`;
}

export function topicsDir(env: NodeJS.ProcessEnv = process.env): string {
  return `${contentDir(env)}/topics`;
}

/** Topics: curated topic files, discovered topics, mentions and the views pages need. */
export { buildTopicIndex } from './build-topics.ts';
export type { TopicIndex, TopicIndexOptions } from './build-topics.ts';
export { parseTopicFile } from './topic-file.ts';
export type { TopicFileInput, TopicFileResult } from './topic-file.ts';
export { topicFileText } from './suggest.ts';
export * from './schema.ts';

export { FeedWalker, startAfter, DEFAULT_PAGE_CACHE_BYTES, DEFAULT_MAX_WALK_PAGES } from './feed-walker';
export { FeedWalk } from './feed-walk';
export { FeedPageInterruptedError, FeedArchiveLoopError } from './feed-walker.errors';
export { readAhead } from './read-ahead';
export { withPageRetries, type PageRetryPolicy } from './page-retry';
export { itemEntryId } from './walk-start';
export type {
  FeedCheckpoint,
  FeedWalkerOptions,
  PageFetch,
  PageIssue,
  PageRef,
  ReadSinceResult,
  StartStatus,
  WalkedItem,
  WalkedPage,
  WalkOptions,
  WalkStart,
} from './feed-walker.types';

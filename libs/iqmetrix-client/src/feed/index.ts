export { parseFeedPage, parseFeedStream, DEFAULT_MAX_PAGE_BYTES, DEFAULT_MAX_ENTRY_BYTES } from './feed-parser';
export { FeedParseError, type FeedParseErrorCode, type FeedParseErrorLocation } from './feed.errors';
export { ATOM_NS, DROPSHIP_NS, XSI_NS } from './feed-vocabulary';
export { MIXED_TEXT_KEY } from './payload-tree';
export type {
  EntryIssue,
  FeedEntry,
  FeedEntryKind,
  FeedHeader,
  FeedInput,
  FeedLink,
  FeedLinks,
  FeedPage,
  FeedStreamHandlers,
  ParseFeedOptions,
  SourcePosition,
} from './feed.types';

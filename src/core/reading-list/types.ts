// What a reading-list export holds, once read: the same shape whatever service wrote it.

export type ReadingStatus = 'unread' | 'archived' | null;

export const READING_LIST_FORMATS = ['pocket-csv', 'pocket-html', 'omnivore-zip', 'omnivore-json', 'instapaper-csv', 'wallabag-json', 'bookmarks-html'] as const;
export type ReadingListFormat = (typeof READING_LIST_FORMATS)[number];

export interface ReadingItem {
  url: string;
  /** As the service had it; may be empty (the fetched page's title is used then). */
  title: string;
  /** ISO 8601, or null when the export does not say. */
  savedAt: string | null;
  tags: string[];
  status: ReadingStatus;
  /** Where in the file it was: a line for text formats, the entry's number for JSON and zip. */
  line: number;
  /** The page as the service saved it (Omnivore, wallabag), used instead of fetching. */
  content?: string;
  /** Bookmarks: the folder path, outermost first. */
  folder?: string[];
}

export interface Refusal {
  line: number;
  reason: string;
}

export interface ReadingList {
  format: ReadingListFormat;
  items: ReadingItem[];
  refused: Refusal[];
}

/** The whole file cannot be read as a supported export: the message says why, in plain words. */
export class ReadingListError extends Error {
  constructor(
    readonly code: 'unknown-format' | 'too-large' | 'bad-file',
    message: string,
  ) {
    super(message);
  }
}

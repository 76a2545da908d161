import type { Article, Entity, ExtractOutcome } from '../core/types.ts';
import type { EntitiesOutcome } from '../content/api.ts';
import type { Clipping } from '../core/clipping.ts';
import type { Annotation, HighlightColor } from '../core/annotations/types.ts';
import type { QueueInput, QueueStatus } from '../background/capture/queue-types.ts';
import type { SyncConfig } from '../core/sync/settings.ts';
import type { SyncStatus } from '../background/sync/status.ts';
import type { ConnectionResult } from '../background/sync/remote.ts';

// Every message of the extension, declared once: name -> request -> response.
// Senders: 'page' = the extension's own pages (popup, options, library).

export interface Protocol {
  /**
   * Clean the tab's page and tag its entities (injects the content scripts on demand). With
   * `entitiesLater`, the article comes back alone (entities: []) and page.entities follows.
   */
  'page.extract': { req: { tabId: number; force?: boolean; entitiesLater?: boolean }; res: ExtractOutcome };
  /** The names of the article page.extract just read in that tab. */
  'page.entities': { req: { tabId: number }; res: EntitiesOutcome };
  /** Store a clipping; `id` is made by the caller so a retry cannot duplicate. */
  'clipping.save': { req: { id: string; article: Article; entities: Entity[] }; res: SaveResult };
  'clipping.update': { req: { id: string; tags?: string[]; note?: string }; res: { ok: true } };
  'clipping.delete': { req: { ids: string[] }; res: { deleted: Clipping[] } };
  /** Put back clippings (undo of a delete). */
  'clipping.restore': { req: { clippings: Clipping[] }; res: { restored: number } };
  'library.import': { req: { json: string }; res: ImportReport };
  /**
   * Highlights: `id` is made by the page before the first attempt (a retry cannot duplicate);
   * the reply comes once the change is durable. Undo of a delete adds the same annotation back.
   */
  'annotation.add': { req: { clippingId: string; annotation: Annotation }; res: { annotation: Annotation } };
  'annotation.update': { req: { clippingId: string; id: string; color?: HighlightColor; note?: string }; res: { annotation: Annotation } };
  'annotation.delete': { req: { clippingId: string; id: string }; res: { deleted: Annotation | null } };
  /** The saved clipping of a page, if any (its id and highlights), so a reader can show them. */
  'clipping.findByUrl': { req: { url: string }; res: { id: string; annotations: Annotation[] } | null };
  'library.clear': { req: Record<string, never>; res: { deleted: number } };
  /** Queue addresses to fetch, clean and save in the background (an import, a link). */
  'queue.add': { req: { items: QueueInput[]; importedFrom?: string }; res: { added: number; refused: { index: number; reason: string }[]; batch: string } };
  'queue.status': { req: Record<string, never>; res: QueueStatus };
  'queue.control': { req: { action: 'pause' | 'resume' | 'cancel' | 'retry-failed' }; res: QueueStatus };
  /** Clean and save every article tab of a window; tabs that are not articles are reported. */
  'capture.allTabs': { req: { windowId?: number }; res: AllTabsReport };
  /** Options -> Sync: store the settings (on or off); on runs a first sync. */
  'sync.configure': { req: { config: SyncConfig }; res: SyncStatus };
  /** Options -> Sync: "Test connection", each failure with its own reason. */
  'sync.test': { req: { config: SyncConfig }; res: ConnectionResult };
  'sync.now': { req: Record<string, never>; res: SyncStatus };
}

export interface AllTabsReport {
  saved: number;
  /** Already in the library (updated, not duplicated). */
  updated: number;
  notArticles: { title: string; url: string }[];
  failed: { title: string; url: string; reason: string }[];
}

export interface SaveResult {
  id: string;
  /** False when an earlier clipping of the same page was updated. */
  created: boolean;
  /** On a re-save: highlights that could not be placed on the new text (kept, unplaced). */
  highlightsNotFound?: number;
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  refused: { index: number; reason: string }[];
}

export type MessageName = keyof Protocol;
export type Req<N extends MessageName> = Protocol[N]['req'];
export type Res<N extends MessageName> = Protocol[N]['res'];

export interface Envelope<N extends MessageName = MessageName> {
  sift: 1;
  name: N;
  req: Req<N>;
}

export type Reply<N extends MessageName = MessageName> =
  | { ok: true; value: Res<N> }
  | { ok: false; error: { code: string; message: string } };

/** Who may send each message. Decided in one place (background/privilege.ts applies it). */
export type SenderKind = 'page' | 'content' | 'foreign';
export const ALLOWED_SENDERS: { [N in MessageName]: readonly SenderKind[] } = {
  'page.extract': ['page'],
  'page.entities': ['page'],
  'clipping.save': ['page'],
  'clipping.update': ['page'],
  'clipping.delete': ['page'],
  'clipping.restore': ['page'],
  'library.import': ['page'],
  'library.clear': ['page'],
  'annotation.add': ['page'],
  'annotation.update': ['page'],
  'annotation.delete': ['page'],
  'clipping.findByUrl': ['page'],
  'queue.add': ['page'],
  'queue.status': ['page'],
  'queue.control': ['page'],
  'capture.allTabs': ['page'],
  'sync.configure': ['page'],
  'sync.test': ['page'],
  'sync.now': ['page'],
};

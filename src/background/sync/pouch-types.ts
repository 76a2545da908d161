// The small part of PouchDB's API Sift uses, typed here (the @types packages are for PouchDB 6).

export interface PDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [k: string]: unknown;
}

export interface WriteResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
  name?: string;
}

export interface AllDocsRow {
  id?: string;
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: PDoc | null;
  error?: string;
}

export interface Change {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: PDoc;
  changes: { rev: string }[];
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  /** The source's sequence the replication went through. */
  last_seq?: number | string;
}

export interface ReplicationOptions {
  batch_size?: number;
  batches_limit?: number;
  checkpoint?: 'source' | 'target' | false;
  /** Start after this sequence of the source, and write it as the checkpoint first. */
  since?: number | string;
  retry?: boolean;
}

export interface Replication extends Promise<ReplicationResult> {
  on(event: 'change', cb: (info: { docs_written: number; docs_read: number; docs?: PDoc[] }) => void): Replication;
  cancel(): void;
}

export interface PouchDb {
  name: string;
  get(id: string, opts?: { rev?: string; conflicts?: boolean }): Promise<PDoc>;
  get(id: string, opts: { open_revs: string[] | 'all' }): Promise<{ ok?: PDoc; missing?: string }[]>;
  put(doc: PDoc): Promise<WriteResult>;
  bulkDocs(docs: PDoc[], opts?: { new_edits?: boolean }): Promise<WriteResult[]>;
  allDocs(opts: { keys?: string[]; include_docs?: boolean; conflicts?: boolean; limit?: number; startkey?: string; endkey?: string }): Promise<{
    rows: AllDocsRow[];
    total_rows: number;
  }>;
  changes(opts: {
    since: number | string;
    limit?: number;
    include_docs?: boolean;
    conflicts?: boolean;
    style?: 'main_only' | 'all_docs';
  }): Promise<{ results: Change[]; last_seq: number | string }>;
  info(): Promise<{ doc_count: number; update_seq: number | string; db_name?: string }>;
  compact(): Promise<unknown>;
  /** Drop the bodies of every revision but the leaves (maxHeight 0) of one document. */
  compactDocument(id: string, maxHeight: number): Promise<unknown>;
  destroy(): Promise<unknown>;
  close(): Promise<void>;
  replicate: {
    to(target: PouchDb, opts?: ReplicationOptions): Replication;
    from(source: PouchDb, opts?: ReplicationOptions): Replication;
  };
}

export type PouchCtor = new (name: string, opts?: Record<string, unknown>) => PouchDb;

// PouchDB 9's packages ship no types; what Sift uses is typed in pouch-types.ts.
declare module 'pouchdb-core' {
  const PouchDB: { plugin(p: unknown): typeof PouchDB };
  export default PouchDB;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}

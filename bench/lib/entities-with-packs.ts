// The tagger with every language pack registered, as one entry to bundle (bench/entities-cold.ts):
// a cold start here pays for all six packs, more than any page does (the extension injects only
// the packs a page needs).
import '../../src/core/entities/model/all-packs.ts';

export { findEntities } from '../../src/core/entities/index.ts';

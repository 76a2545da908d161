// Every language pack, registered at once: for Node (CLI, benchmarks, tests), where nothing is
// injected. The extension never imports this file: each pack is its own content script
// (src/content/pack-<lang>.ts), injected only for the pages that need it.
import en from '../data/model-en.json';
import de from '../data/model-de.json';
import fr from '../data/model-fr.json';
import nl from '../data/model-nl.json';
import pt from '../data/model-pt.json';
import zh from '../data/model-zh.json';
import { registerPack } from './registry.ts';
import type { PackedModel } from './tagger.ts';

const PACKS: Record<string, PackedModel> = { en, de, fr, nl, pt, zh };
for (const [lang, p] of Object.entries(PACKS)) registerPack(lang, p);

// Node has no injected pack files: every language pack is registered for the tests.
import '../src/core/entities/model/all-packs.ts';

// YAML as the content is read at start-up: js-yaml with the YAML 1.2 core schema, the
// schema `yaml` uses too (no dates, no merge keys). It parses the content tree about ten
// times faster than `yaml`, which stays for what edits files and must keep their comments
// (importWasteCalendar). The unit test holds the two to the same result on every shipped file.
import { CORE_SCHEMA, load } from 'js-yaml';

/** The value of a YAML text (null for an empty one, as `yaml` gives); throws on invalid YAML or a repeated key. */
export function parseYamlText(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA }) ?? null;
}

// The safety check that runs before anything else: danger to life, violence at
// home, suicidal thoughts. Its lexicon is content/signals/emergency.yaml.
import { SignalDetector } from './SignalDetector.js';
import type { SignalGroup } from './signalsSchema.js';

/** The group keys of emergency.yaml that the code knows; coordinators may add more. */
export type EmergencyKind = 'nood.112' | 'nood.huiselijk-geweld' | 'zorg.psychisch-acuut' | (string & {});

export interface EmergencyHit {
  kind: EmergencyKind;
  /** The topic to answer with (nood.112, nood.huiselijk-geweld, zorg.psychisch). */
  topic: string;
  phrase: string;
}

// When one message matches several kinds, the most specific help comes first:
// suicidal thoughts (113), then violence at home (Veilig Thuis), then 112. A group named
// after a kind (nood.112-gas, nood.huiselijk-geweld-indirect) ranks with it, just after it.
const priority = ['zorg.psychisch-acuut', 'nood.huiselijk-geweld', 'nood.112'];

/** Builds the detector from the emergency lexicon's groups. */
export function buildEmergencyDetector(groups: Readonly<Record<string, SignalGroup>>): SignalDetector {
  return new SignalDetector(groups, 'emergency');
}

/** Returns the emergency in a message, or null. */
export function detectEmergency(text: string, detector: SignalDetector): EmergencyHit | null {
  return pickEmergency(detector.detect(text));
}

/** The emergency among signal hits, by priority. */
export function pickEmergency(hits: readonly { group: string; topic: string | undefined; phrase: string }[]): EmergencyHit | null {
  if (hits.length === 0) return null;
  const rank = ({ group }: { group: string }): number => {
    const position = priority.findIndex((kind) => group === kind || group.startsWith(`${kind}-`));
    return position < 0 ? 2 * priority.length : 2 * position + (group === priority[position] ? 0 : 1);
  };
  const [first] = [...hits].sort((a, b) => rank(a) - rank(b));
  if (!first) return null;
  return { kind: first.group, topic: first.topic ?? 'nood.112', phrase: first.phrase };
}

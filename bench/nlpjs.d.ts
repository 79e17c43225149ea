// The small part of nlp.js (untyped) that the peer benchmark uses.
declare module '@nlpjs/basic' {
  export interface NlpjsResult {
    intent: string;
    score: number;
  }
  export interface NlpjsNlp {
    settings: { autoSave: boolean; autoLoad: boolean; log: boolean; threshold: number };
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpjsResult>;
  }
  export interface NlpjsContainer {
    use(plugin: unknown): void;
    get(name: 'nlp'): NlpjsNlp;
  }
  export function containerBootstrap(): Promise<NlpjsContainer>;
  export const Nlp: unknown;
  export const LangEn: unknown;
}

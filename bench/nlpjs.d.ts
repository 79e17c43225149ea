// The small part of nlp.js (untyped) that the peer benchmark uses.
declare module '@nlpjs/core' {
  export interface NlpjsContainer {
    use(plugin: unknown): void;
    get(name: 'nlp'): import('@nlpjs/nlp').NlpjsNlp;
  }
  export function containerBootstrap(): Promise<NlpjsContainer>;
}

declare module '@nlpjs/nlp' {
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
  export const Nlp: unknown;
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}

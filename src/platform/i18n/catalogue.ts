import { kernelEn } from './en';
import { kernelPl } from './pl';
import type { Message } from './types';

/**
 * Every owner's Polish messages, by owner: the kernel's here, each module adds its own by declaration
 * merging in its messages.ts (`declare module '…/platform/i18n/catalogue' { interface ModuleMessages { … } }`).
 */
export interface ModuleMessages {
  kernel: typeof kernelPl;
}

export type MessageKey = { [Owner in keyof ModuleMessages]: keyof ModuleMessages[Owner] }[keyof ModuleMessages] & string;

/** One file's messages: Polish (the source) and its English translation with the same keys. */
export interface MessagesPart {
  pl: Readonly<Record<string, Message>>;
  en: Readonly<Record<string, Message>>;
}

/** Who contributes messages: a module's name and its parts. */
export interface MessagesOwner {
  name: string;
  messages?: readonly MessagesPart[];
}

export interface Catalogues {
  pl: Readonly<Record<string, Message>>;
  en: Readonly<Record<string, Message>>;
}

const KERNEL = 'kernel';

/** The kernel's messages and every owner's, merged; a key defined twice or an incomplete translation throws. */
export function mergeMessages(owners: readonly MessagesOwner[]): Catalogues {
  const pl: Record<string, Message> = {};
  const en: Record<string, Message> = {};
  const ownerOf = new Map<string, string>();
  const parts: [string, MessagesPart][] = [[KERNEL, { pl: kernelPl, en: kernelEn }], ...owners.flatMap((o) => (o.messages ?? []).map((p): [string, MessagesPart] => [o.name, p]))];
  for (const [owner, part] of parts) {
    for (const [key, message] of Object.entries(part.pl)) {
      const earlier = ownerOf.get(key);
      if (earlier !== undefined) throw new Error(`message ${key} is defined twice: by ${earlier} and by ${owner}`);
      ownerOf.set(key, owner);
      const english = part.en[key];
      if (english === undefined) throw new Error(`message ${key} of ${owner} has no English translation`);
      pl[key] = message;
      en[key] = english;
    }
    const extra = Object.keys(part.en).filter((key) => !(key in part.pl));
    if (extra.length) throw new Error(`English messages of ${owner} without a Polish source: ${extra.join(', ')}`);
  }
  return { pl, en };
}

let installed: Catalogues = mergeMessages([]);

/** Makes the kernel's and these modules' messages the app's catalogue (the module list does it once, at import). */
export function installMessages(owners: readonly MessagesOwner[]): void {
  installed = mergeMessages(owners);
}

export function installedMessages(): Catalogues {
  return installed;
}

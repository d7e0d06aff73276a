import type { Message } from '../types';

/** Messages of the my-data module. */
export const myDataPl = {
} satisfies Record<string, Message>;

export const myDataEn: Record<keyof typeof myDataPl, Message> = {
};

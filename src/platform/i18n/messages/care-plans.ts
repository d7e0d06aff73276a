import type { Message } from '../types';

/** Messages of the care-plans module. */
export const carePlansPl = {
} satisfies Record<string, Message>;

export const carePlansEn: Record<keyof typeof carePlansPl, Message> = {
};

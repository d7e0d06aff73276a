import type { Message } from '../types';

/** Messages of the referrals module. */
export const referralsPl = {
} satisfies Record<string, Message>;

export const referralsEn: Record<keyof typeof referralsPl, Message> = {
};

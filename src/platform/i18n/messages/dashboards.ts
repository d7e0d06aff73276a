import type { Message } from '../types';

/** Messages of the dashboards module. */
export const dashboardsPl = {
} satisfies Record<string, Message>;

export const dashboardsEn: Record<keyof typeof dashboardsPl, Message> = {
};

/** The HSDS release the open data conforms to. */
export const HSDS_VERSION = '3.0.1';
/** No HSDS profile is applied: the profile is the base specification, release 3.0. */
export const HSDS_PROFILE = 'https://github.com/openreferral/specification/tree/3.0';
export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 200;

import { type Theme, useMediaQuery } from '@mui/material';

/** A phone (below 600 px): lists show as react-admin's SimpleList, one card-like row per record, instead of a wide table. */
export const useIsSmall = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });

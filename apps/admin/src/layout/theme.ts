import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's light theme with colours that read at WCAG AA (4.5:1 for text): MUI's orange (#ed6c02) and
 * light blue (#0288d1), and react-admin's app-bar blue (#2196f3), carry white text at 3.1–3.9:1 only.
 */
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    // MUI's blue (#1976d2) is 4.4:1 on the page's background as the text of small buttons ("Add filter", "Export")
    primary: { light: '#42a5f5', main: '#1565c0', dark: '#0d47a1', contrastText: '#fff' }, // 5.5:1 on #fafafb
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' }, // 5.8:1 with white
    warning: { light: '#d97706', main: '#a85000', dark: '#7a3a00', contrastText: '#fff' }, // 5.5:1
    info: { light: '#0288d1', main: '#01579b', dark: '#003c6b', contrastText: '#fff' }, // 7.4:1
  },
  components: {
    ...defaultLightTheme.components,
    // SimpleList's third line is text at 54 % opacity (about 3.4:1): the secondary text colour instead (5.7:1).
    RaSimpleList: {
      styleOverrides: { root: { '& .RaSimpleList-tertiary': { opacity: 1, color: 'rgba(0, 0, 0, 0.6)' } } },
    },
    // The loading page's words are in the disabled text colour (2.7:1) and the error page is drawn at 50 % opacity
    // (its button at 1.5:1): the secondary text colour and full opacity instead.
    RaLoading: {
      styleOverrides: { root: { '& .RaLoading-message': { color: 'rgba(0, 0, 0, 0.6)' } } },
    },
    RaError: {
      styleOverrides: { root: { opacity: 1 } },
    },
    // The pages "not found" (a stale link, the queues' board opened in the same tab), "access denied" and the
    // sign-in error draw their words at 50 % opacity (3.2:1): full opacity in the secondary text colour (5.7:1).
    RaNotFound: {
      styleOverrides: { root: { '& .RaNotFound-message': { opacity: 1, color: 'rgba(0, 0, 0, 0.6)' } } },
    },
    RaAccessDenied: {
      styleOverrides: { root: { '& .RaAccessDenied-message': { opacity: 1, color: 'rgba(0, 0, 0, 0.6)' } } },
    },
    RaAuthError: {
      styleOverrides: { root: { '& .RaAuthError-message': { opacity: 1, color: 'rgba(0, 0, 0, 0.6)' } } },
    },
    // A wide table scrolls inside its list, never the whole page on a phone (lists without a small-screen layout)
    // (the list's main column may shrink below its table's width, or the table widens the page before it scrolls)
    RaList: {
      styleOverrides: { root: { '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } } },
    },
    // A list's buttons (exports beside create) wrap onto a second line on a phone instead of widening the page
    RaTopToolbar: {
      styleOverrides: { root: { flexWrap: 'wrap', maxWidth: '100%' } },
    },
    // On a phone a filter as wide as its value (an archive's long name in a select) cuts the value with an ellipsis
    // instead of widening the page: the field is as wide as the screen (react-admin's own rule) and its content no
    // longer sets the width of the page (inline-size containment).
    RaFilterForm: {
      styleOverrides: {
        root: {
          maxWidth: '100%',
          '@media (max-width: 599.95px)': {
            '& .RaFilterForm-filterFormInput': { contain: 'inline-size' },
            '& .RaFilterForm-filterFormInput .MuiFormControl-root': { minWidth: 0, maxWidth: '100%' },
          },
        },
      },
    },
    RaListToolbar: {
      styleOverrides: { root: { flexWrap: 'wrap', maxWidth: '100%' } },
    },
    // An empty list's words are at 50 % opacity (2.7:1) and, 34 px high, wider than a phone
    RaEmpty: {
      styleOverrides: {
        root: {
          '& .RaEmpty-message': { opacity: 1, color: 'rgba(0, 0, 0, 0.6)', overflowWrap: 'anywhere' },
          '& .RaEmpty-message .MuiTypography-h4': { fontSize: 'clamp(1.25rem, 6vw, 2.125rem)' },
        },
      },
    },
  },
};

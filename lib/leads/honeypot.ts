// The lead form's honeypot: a field people never see (off-screen, out of the tab order, its label
// telling screen-reader users to leave it empty) and form-filling bots do. Shared by the form and
// its action, so no server module reaches the browser.
export const HONEYPOT_FIELD = "website";

/** Holds the sign-up's single-use sign-in token in the browser that started the checkout. */
export const SIGNUP_COOKIE = "stride_checkout";
export const SIGNUP_COOKIE_MAX_AGE = 2 * 60 * 60;

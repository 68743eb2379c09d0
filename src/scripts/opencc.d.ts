/** opencc-js ships types for its core, not for its dictionary modules: each is one string. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}

// Build-time settings (see wxt.config.ts): which API, and whether sign-in goes through Supabase Auth.
export const apiUrl: string = import.meta.env.WXT_API_URL;
export const supabaseUrl: string = import.meta.env.WXT_SUPABASE_URL;
export const supabaseAnonKey: string = import.meta.env.WXT_SUPABASE_ANON_KEY;
export const usesSupabaseAuth = supabaseUrl !== '' && supabaseAnonKey !== '';
/** The Google OAuth client for Classroom (WXT_GOOGLE_CLIENT_ID): chrome.identity's getAuthToken, or the web flow elsewhere. */
export const googleClientId: string = import.meta.env.WXT_GOOGLE_CLIENT_ID;

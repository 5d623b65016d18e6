// Necessary: the reader's language (a cookie written by this script, for 400 days), the colour
// theme (local storage), the open tab (session storage) and pages kept offline (IndexedDB).
document.cookie = "lang_pref=en; path=/; max-age=34560000; SameSite=Lax";
localStorage.setItem("theme", "light");
sessionStorage.setItem("tab_state", "intro");
indexedDB.open("offline-cache", 1);
